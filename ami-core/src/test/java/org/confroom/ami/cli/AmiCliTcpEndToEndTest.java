package org.confroom.ami.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ami ping} through the real TCP client against a tiny AMI peer answering like transcript 01. */
class AmiCliTcpEndToEndTest {
    private ServerSocket server;
    private final List<AmiMessage> received = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "tiny-ami");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                session(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                // the client went away or the test ended
            }
        }
    }

    /** Banner, then Login (admin/admin-secret), Ping and Logoff as in transcript 01. */
    private void session(InputStream in, OutputStream o) throws IOException {
        o.write("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII));
        AmiDecoder decoder = AmiDecoder.withoutBanner();
        byte[] buf = new byte[4096];
        boolean[] open = {true};
        int n;
        while (open[0] && (n = in.read(buf)) > 0) {
            decoder.feed(buf, 0, n, frame -> {
                if (!(frame instanceof AmiMessage m) || !open[0]) {
                    return;
                }
                received.add(m);
                String id = m.getOr("ActionID", "");
                String reply = switch (m.name().toLowerCase()) {
                    case "login" -> m.text("Secret").equals("admin-secret")
                            ? "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n"
                            : "Response: Error\r\nActionID: " + id + "\r\nMessage: Authentication failed\r\n\r\n";
                    case "ping" -> "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\nTimestamp: 1795390170.311405\r\n\r\n";
                    case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n";
                    default -> "Response: Error\r\nActionID: " + id + "\r\nMessage: Invalid/unknown command\r\n\r\n";
                };
                try {
                    o.write(reply.getBytes(StandardCharsets.UTF_8));
                    o.flush();
                } catch (IOException e) {
                    open[0] = false;
                }
                if (!m.name().equalsIgnoreCase("ping")) {
                    // Asterisk closes after Goodbye and after a refused login (transcripts 01, 02)
                    open[0] = m.name().equalsIgnoreCase("login") && reply.contains("Success");
                }
            });
        }
    }

    private int ami(String secret, String... args) {
        Map<String, String> env = Map.of("AMI_USER", "admin", "AMI_SECRET", secret, "AMI_PORT", Integer.toString(server.getLocalPort()));
        return AmiCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ClientFactory.DEFAULT, user -> Optional.empty());
    }

    @Test
    void pingOverTcp() {
        int code = ami("admin-secret", "ping");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).matches("Pong 1795390170\\.311405 \\(\\d+\\.\\d ms\\)\\R");
        AmiMessage login = received.get(0);
        assertThat(login.name()).isEqualTo("Login");
        assertThat(login.text("Username")).isEqualTo("admin");
        assertThat(login.text("Secret")).isEqualTo("admin-secret");
        assertThat(login.text("Events")).isEqualTo("off");
        assertThat(received).extracting(AmiMessage::name).containsExactly("Login", "Ping", "Logoff");
    }

    @Test
    void wrongSecretOverTcpExitsWith4() {
        assertThat(ami("wrong", "ping")).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ami: AMI login refused for user admin: Authentication failed\n");
    }

    @Test
    void nobodyListeningExitsWith3() throws IOException {
        server.close();
        assertThat(ami("admin-secret", "--timeout", "2", "ping")).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ami: ").contains("127.0.0.1:" + server.getLocalPort());
    }
}
