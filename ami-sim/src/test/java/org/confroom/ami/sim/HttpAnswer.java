package org.confroom.ami.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;

/**
 * One HTTP answer as it came over the wire: status line, headers in order, the body of {@code Content-Length}.
 *
 * @param seconds when it arrived, in seconds since the session began
 */
record HttpAnswer(String statusLine, List<String[]> headers, byte[] body, double seconds) {
    /** Reads one answer; its time is 0 until set with {@link #at}. */
    static HttpAnswer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            if ((c = in.read()) < 0) {
                throw new EOFException("connection closed inside an HTTP head: " + head);
            }
            head.write(c);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 2)});
        }
        HttpAnswer noBody = new HttpAnswer(lines[0], headers, new byte[0], 0);
        byte[] body = in.readNBytes(Integer.parseInt(noBody.header("Content-Length")));
        return new HttpAnswer(lines[0], headers, body, 0);
    }

    /** @return this answer, arrived at {@code arrival} seconds */
    HttpAnswer at(double arrival) {
        return new HttpAnswer(statusLine, headers, body, arrival);
    }

    /** @return the first value of the header (exact name), or the empty string */
    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                return h[1];
            }
        }
        return "";
    }

    private static final Pattern XML_ELEMENT = Pattern.compile("<response type='object' id='[^']*'><\\w+(.*?) /></response>\n");
    private static final Pattern XML_ATTRIBUTE = Pattern.compile(" ([^=]+)='([^']*)'");
    private static final Pattern HTML_ROW = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td></tr>\n"
            + "|<tr><td colspan=\"2\"><hr></td></tr>\r\n");

    /**
     * @return the AMI messages of the body: AMI text ({@code text/plain}), the {@code <response>} elements of
     *     {@code /mxml} ({@code text/xml}) or the table rows of the {@code /manager} page ({@code text/html}),
     *     keys and values as they are written there (XML keys lower-cased); none for an error page
     */
    List<AmiMessage> messages() {
        List<AmiMessage> out = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        switch (header("Content-type")) {
            case "text/xml":
                Matcher element = XML_ELEMENT.matcher(text);
                while (element.find()) {
                    AmiMessage.Builder b = AmiMessage.builder();
                    Matcher a = XML_ATTRIBUTE.matcher(element.group(1));
                    while (a.find()) {
                        b.add(a.group(1), unescape(a.group(2)));
                    }
                    out.add(b.build());
                }
                break;
            case "text/html":
                Matcher row = HTML_ROW.matcher(text);
                AmiMessage.Builder b = AmiMessage.builder();
                while (row.find()) {
                    if (row.group(1) != null) {
                        b.add(unescape(row.group(1)), unescape(row.group(2)));
                    } else {
                        out.add(b.build());
                        b = AmiMessage.builder();
                    }
                }
                break;
            default:
                for (AmiFrame f : AmiDecoder.withoutBanner().decodeAll(body)) {
                    if (f instanceof AmiMessage m) {
                        out.add(m);
                    }
                }
        }
        return out;
    }

    /**
     * @return an XML or HTML body with every value emptied (element and row layout, keys, line ends stay),
     *     an AMI text body as it is
     */
    String skeleton() {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (header("Content-type")) {
            case "text/xml":
                return text.replaceAll("='[^']*'", "=''");
            case "text/html":
                return text.replaceAll("</td><td>[^<]*</td></tr>", "</td><td></td></tr>");
            default:
                return text;
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** @return the AMI messages of all the bodies, in order */
    static List<AmiMessage> messages(List<HttpAnswer> answers) {
        List<AmiMessage> out = new ArrayList<>();
        answers.forEach(a -> out.addAll(a.messages()));
        return out;
    }
}
