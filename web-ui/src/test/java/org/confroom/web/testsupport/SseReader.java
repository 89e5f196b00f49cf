package org.confroom.web.testsupport;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream on a thread of its own; events are taken by name with a deadline, each
 * with the {@link System#nanoTime()} at which its last line arrived.
 */
public final class SseReader implements AutoCloseable {
    /** One event: its name, its data and when it was read. */
    public record Event(String name, String data, long receivedNanos) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private SseReader(Stream<String> lines, String threadName) {
        this.lines = lines;
        Thread t = new Thread(this::read, threadName);
        t.setDaemon(true);
        t.start();
    }

    /** @return a reader of the stream at {@code uri}, sent with {@code cookie} (fails unless it answers 200) */
    public static SseReader open(URI uri, String cookie) throws Exception {
        HttpResponse<Stream<String>> r = CLIENT.send(HttpRequest.newBuilder(uri).header("Cookie", cookie)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines());
        if (r.statusCode() != 200) {
            throw new AssertionError("event stream " + uri + " answered " + r.statusCode());
        }
        return new SseReader(r.body(), "sse-reader " + uri.getPath());
    }

    /** @return the session cookie header of a fresh login of the test user of {@code role}, for clients outside RestAssured */
    public static String sessionCookie(org.confroom.web.security.Role role) {
        String user = WebSession.as(role).username(); // makes sure the user exists
        String cookie = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", WebSession.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("confroom-session");
        if (cookie == null || cookie.isBlank()) {
            throw new AssertionError("no session cookie for " + user);
        }
        return "confroom-session=" + cookie;
    }

    private void read() {
        String[] name = { null };
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (name[0] != null || data.length() > 0) {
                        events.add(new Event(name[0], data.toString(), System.nanoTime()));
                    }
                    name[0] = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).startsWith(" ") ? line.substring(6)
                            : line.substring(5));
                }
            });
        } catch (RuntimeException e) {
            // closed
        }
    }

    /** @return the next event with this name whose data matches, within the timeout */
    public Event nextEvent(String eventName, Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no '" + eventName + "' event matching within " + timeout);
            }
            if (eventName.equals(e.name()) && matching.test(e.data())) {
                return e;
            }
        }
    }

    /** @return the data of the next event with this name whose data matches, within the timeout */
    public String next(String eventName, Predicate<String> matching, Duration timeout) throws InterruptedException {
        return nextEvent(eventName, matching, timeout).data();
    }

    @Override
    public void close() {
        lines.close();
    }
}
