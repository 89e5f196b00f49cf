package org.confroom.ami.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.confroom.ami.action.Challenge;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;

/**
 * A scriptable AMI peer for connection tests: banner, plain and MD5 login (admin/admin-secret),
 * Ping, and a per-test handler for other actions. Everything it receives is recorded.
 */
final class FakeAmiServer implements AutoCloseable {
    /** Answers a request on a session; returns the raw reply (may be empty to stay silent). */
    interface Script extends BiFunction<Session, AmiMessage, String> {
    }

    final ServerSocket server;
    final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    volatile Script script = (s, m) -> "Response: Error\r\nActionID: " + m.text("ActionID") + "\r\nMessage: Invalid/unknown command\r\n\r\n";
    /** Connections numbered below this are closed at once without a banner (a dying Asterisk). */
    volatile int closeWithoutBannerUntil;
    volatile boolean answerPings = true;
    volatile String challenge = "123456789";
    private final Thread acceptor;

    FakeAmiServer() throws IOException {
        this(null);
    }

    /** @param tls a server context for TLS, or null for plain TCP */
    FakeAmiServer(javax.net.ssl.SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    AmiClientConfig.Builder config() {
        return AmiClientConfig.builder("127.0.0.1", port()).credentials("admin", "admin-secret")
                .backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200)).name("test");
    }

    List<AmiMessage> received(String action) {
        return received.stream().filter(m -> m.name().equalsIgnoreCase(action)).toList();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = accepted.incrementAndGet();
                if (n <= closeWithoutBannerUntil) {
                    s.close();
                    continue;
                }
                Session session = new Session(s);
                sessions.add(session);
                Thread t = new Thread(session::run, "fake-ami-session-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    Session lastSession() {
        return sessions.get(sessions.size() - 1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Session s : sessions) {
            s.close();
        }
    }

    /** One client connection. */
    final class Session {
        final Socket socket;
        private final OutputStream out;
        volatile boolean loggedIn;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void write(String raw) {
            write(raw.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void write(byte[] raw) {
            try {
                out.write(raw);
                out.flush();
            } catch (IOException e) {
                // client gone
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        private void run() {
            write("Asterisk Call Manager/11.0.0\r\n");
            AmiDecoder decoder = AmiDecoder.withoutBanner();
            byte[] buf = new byte[65536];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    decoder.feed(buf, 0, n, this::onFrame);
                }
            } catch (SocketException e) {
                // closed
            } catch (IOException e) {
                // closed
            }
        }

        private void onFrame(AmiFrame f) {
            if (!(f instanceof AmiMessage m)) {
                return;
            }
            received.add(m);
            String id = m.text("ActionID");
            switch (m.name().toLowerCase()) {
                case "challenge" -> write("Response: Success\r\nActionID: " + id + "\r\nChallenge: " + challenge + "\r\n\r\n");
                case "login" -> {
                    boolean ok = m.text("Username").equals("admin") && (m.text("Secret").equals("admin-secret")
                            || m.text("Key").equals(Challenge.md5Key(challenge, "admin-secret")));
                    if (ok) {
                        loggedIn = true;
                        write("Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n"
                                + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 5\r\nLastReload: 5\r\nStatus: Fully Booted\r\n\r\n");
                    } else {
                        write("Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n\r\n");
                        close();
                    }
                }
                case "ping" -> {
                    if (answerPings) {
                        write("Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1795390170.311405\r\n\r\n");
                    }
                }
                case "logoff" -> {
                    write("Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n");
                    close();
                }
                default -> {
                    String reply = script.apply(this, m);
                    if (!reply.isEmpty()) {
                        write(reply);
                    }
                }
            }
        }
    }

    /** @return wire text of a message built from key/value pairs */
    static String msg(String... kv) {
        return new String(AmiEncoder.encode(AmiMessage.of(kv)), StandardCharsets.UTF_8);
    }
}
