package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.confroom.ami.codec.AmiMessage;

/**
 * How the manager's HTTP paths render AMI text (manager.c {@code xml_translate}): {@code /rawman} and
 * {@code /arawman} as it is, {@code /mxml} and {@code /amxml} as XML, {@code /manager} and {@code /amanager}
 * as an HTML test page (15, 16). Lines end in LF inside XML and HTML, except where Asterisk writes CRLF.
 */
enum HttpOutputFormat {
    /** Plain AMI text. */
    RAW("text/plain"),
    /** {@code <ajax-response>} with one {@code <response>} element per message, keys lower-cased. */
    XML("text/xml"),
    /** Asterisk's manager test page with one table row per header. */
    HTML("text/html");

    /** The head of the HTML page, as recorded in 15. */
    private static final String HTML_HEAD = "<title>Asterisk&trade; Manager Interface</title>"
            + "<body bgcolor=\"#ffffff\"><table align=center bgcolor=\"#f1f1f1\" width=\"500\">\r\n"
            + "<tr><td colspan=\"2\" bgcolor=\"#f1f1ff\"><h1>Manager Tester</h1></td></tr>\r\n"
            + "<tr><td colspan=\"2\" bgcolor=\"#f1f1ff\"><form action=\"manager\" method=\"post\">\n"
            + "\tAction: <select name=\"action\">\n"
            + "\t\t<option value=\"\">-----&gt;</option>\n"
            + "\t\t<option value=\"login\">login</option>\n"
            + "\t\t<option value=\"command\">Command</option>\n"
            + "\t\t<option value=\"waitevent\">waitevent</option>\n"
            + "\t\t<option value=\"listcommands\">listcommands</option>\n"
            + "\t</select>\n"
            + "\tor <input name=\"action\"><br/>\n"
            + "\tCLI Command <input name=\"command\"><br>\n"
            + "\tuser <input name=\"username\"> pass <input type=\"password\" name=\"secret\"><br>\n"
            + "\t<input type=\"submit\">\n"
            + "</form>\n"
            + "</td></tr>\r\n";

    final String contentType;

    HttpOutputFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * @param ami the AMI text of an answer (responses, list items, events)
     * @param request the action, for the XML element's {@code ajaxdest} and {@code ajaxobjtype}
     * @return the body of the HTTP answer
     */
    byte[] render(byte[] ami, AmiMessage request) {
        if (this == RAW) {
            return ami;
        }
        String text = new String(ami, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() * 2);
        if (this == XML) {
            out.append("<ajax-response>\n");
            translate(text, out, orDefault(request.text("ajaxdest"), "unknown"),
                    orDefault(request.text("ajaxobjtype"), "generic"));
            out.append("</ajax-response>\n");
        } else {
            out.append(HTML_HEAD);
            translate(text, out, null, null);
            out.append("</table></body>\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }

    /** One element (XML) or a run of table rows (HTML) per message; lines without a colon are opaque data. */
    private void translate(String in, StringBuilder out, String dest, String objtype) {
        boolean xml = this == XML;
        boolean inObject = false;
        boolean inData = false;
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = in.split("\r\n|\r|\n", -1);
        // the input ends with a line end: Asterisk stops there, without an empty last line
        int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            String line = lines[i].stripTrailing();
            boolean nothingLeft = i == n - 1;
            if (line.isEmpty()) {
                if (inData) {
                    out.append(xml ? "'" : "</td></tr>\n");
                    inData = false;
                }
                if (inObject) {
                    out.append(xml ? " /></response>\n" : "<tr><td colspan=\"2\"><hr></td></tr>\r\n");
                    inObject = false;
                }
                continue;
            }
            if (!inObject) {
                if (xml) {
                    out.append("<response type='object' id='").append(dest).append("'><").append(objtype);
                }
                seen.clear();
                inObject = true;
            }
            if (inData) {
                out.append(xml ? "\n" : "<br>\n");
                escape(line, false, out);
                continue;
            }
            int colon = line.indexOf(':');
            String name;
            String value;
            if (colon >= 0) {
                name = line.substring(0, colon).stripTrailing();
                value = line.substring(colon + 1).stripLeading();
            } else {
                name = "Opaque-data";
                value = line;
                inData = true;
            }
            out.append(xml ? " " : "<tr><td>");
            int count = seen.merge(name, 1, Integer::sum);
            escape(name, xml, out);
            if (count > 1) {
                out.append('-').append(count);
            }
            out.append(xml ? "='" : "</td><td>");
            escape(value, false, out);
            if (!inData || nothingLeft) {
                out.append(xml ? "'" : "</td></tr>\n");
            }
        }
        if (inObject) {
            out.append(xml ? " /></response>\n" : "<tr><td colspan=\"2\"><hr></td></tr>\r\n");
        }
    }

    /**
     * manager.c {@code xml_copy_escape}: {@code < > " ' &} as entities; for an XML attribute name every
     * character but ASCII letters and digits becomes {@code _}, a leading digit gets a {@code _} before it,
     * and letters are lower-cased.
     */
    private static void escape(String s, boolean attributeName, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (attributeName) {
                if (i == 0 && Character.isDigit(c) && c < 128) {
                    out.append('_').append(c);
                } else {
                    out.append(alnum ? Character.toLowerCase(c) : '_');
                }
                continue;
            }
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                case '&': out.append("&amp;"); break;
                default: out.append(c);
            }
        }
    }
}
