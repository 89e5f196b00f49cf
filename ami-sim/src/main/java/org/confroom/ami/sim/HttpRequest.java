package org.confroom.ami.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 request as read from the wire: request line, headers in their order, body.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the target up to {@code ?}
 * @param query the raw query after {@code ?}, empty if none
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers {@code name}, {@code value} pairs in wire order
 * @param body the bytes after the head ({@code Content-Length}), usually empty
 * @param localPort the server's port
 * @param remotePort the client's port
 */
record HttpRequest(String method, String path, String query, String version, List<String[]> headers, byte[] body,
        int localPort, int remotePort) {
    /** Longest request head (request line and headers) accepted. */
    static final int MAX_HEAD = 16 * 1024;
    /** Longest request body accepted. */
    static final int MAX_BODY = 1024 * 1024;

    /** A request that cannot be parsed; the connection answers 400 and closes. */
    static final class MalformedRequest extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedRequest(String message) {
            super(message);
        }
    }

    /** @return the first value of the header (case-insensitive name), or the empty string */
    String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return "";
    }

    /** @return true when the connection ends after the answer: {@code Connection: close}, or HTTP/1.0 without keep-alive */
    boolean wantsClose() {
        String connection = header("Connection");
        if (connection.equalsIgnoreCase("close")) {
            return true;
        }
        return version.equals("HTTP/1.0") && !connection.equalsIgnoreCase("keep-alive");
    }

    /** @return the parameters: the query, and for a form POST the body too, {@code &}-separated */
    String params() {
        if (body.length == 0) {
            return query;
        }
        String form = new String(body, StandardCharsets.ISO_8859_1);
        return query.isEmpty() ? form : query + "&" + form;
    }

    /**
     * Reads the next request of a connection.
     *
     * @return the request, or null when the client closed the connection between requests
     * @throws MalformedRequest when the request cannot be parsed
     */
    static HttpRequest read(InputStream in, int localPort, int remotePort) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new MalformedRequest("bad request line: " + lines[0]);
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequest("bad header line: " + lines[i]);
            }
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        String target = requestLine[1];
        int q = target.indexOf('?');
        HttpRequest noBody = new HttpRequest(requestLine[0], q < 0 ? target : target.substring(0, q),
                q < 0 ? "" : target.substring(q + 1), requestLine[2], headers, new byte[0], localPort, remotePort);
        if (!noBody.header("Transfer-Encoding").isEmpty()) {
            throw new MalformedRequest("chunked request bodies are not supported");
        }
        String length = noBody.header("Content-Length");
        if (length.isEmpty()) {
            return noBody;
        }
        int n;
        try {
            n = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            throw new MalformedRequest("bad Content-Length: " + length);
        }
        if (n < 0 || n > MAX_BODY) {
            throw new MalformedRequest("Content-Length out of range: " + n);
        }
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
            throw new MalformedRequest("connection closed inside the body");
        }
        return new HttpRequest(noBody.method, noBody.path, noBody.query, noBody.version, headers, body,
                localPort, remotePort);
    }

    /** @return the head without its blank line, or null at a clean end of stream */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = -1;
        int beforeLast = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (head.size() == 0 && (c == '\r' || c == '\n')) {
                continue; // stray line ends between requests
            }
            head.write(c);
            if (c == '\n' && (last == '\n' || last == '\r' && beforeLast == '\n')) {
                return head.toString(StandardCharsets.ISO_8859_1).strip();
            }
            if (head.size() > MAX_HEAD) {
                throw new MalformedRequest("request head longer than " + MAX_HEAD + " bytes");
            }
            beforeLast = last;
            last = c;
        }
        if (head.size() > 0) {
            throw new MalformedRequest("connection closed inside the request head");
        }
        return null;
    }
}
