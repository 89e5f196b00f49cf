package org.confroom.ami.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to an {@link HttpRequest}, without the headers every answer has ({@link HttpListener} adds
 * {@code Server}, {@code Date}, {@code Connection}, {@code Cache-Control} and {@code Content-Length}).
 *
 * @param status the status code
 * @param reason the reason phrase, e.g. {@code OK}
 * @param headers {@code name}, {@code value} pairs, written between {@code Cache-Control} and {@code Content-Length}
 * @param body the body
 */
record HttpReply(int status, String reason, List<String[]> headers, byte[] body) {
    /**
     * Asterisk's error page ({@code ast_http_error}), as recorded for 401 in transcript 16.
     *
     * @param text the paragraph, empty for 401
     * @param before headers that come before {@code Content-type} ({@code WWW-authenticate})
     */
    static HttpReply error(int status, String reason, String text, String[]... before) {
        String page = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n"
                + "<html><head>\r\n"
                + "<title>" + status + " " + reason + "</title>\r\n"
                + "</head><body>\r\n"
                + "<h1>" + reason + "</h1>\r\n"
                + "<p>" + text + "</p>\r\n"
                + "<hr />\r\n"
                + "<address>Asterisk</address>\r\n"
                + "</body></html>\r\n";
        List<String[]> headers = new ArrayList<>(List.of(before));
        headers.add(new String[] {"Content-type", "text/html"});
        return new HttpReply(status, reason, headers, page.getBytes(StandardCharsets.ISO_8859_1));
    }
}
