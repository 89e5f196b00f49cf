package org.confroom.ami.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.confroom.ami.cli.AmiCli;
import org.confroom.ami.cli.ClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code ami} tool with {@code --http} through the real {@link HttpAmiClient} and the fake {@code /rawman}. */
class AmiCliOverHttpTest {
    private FakeRawmanServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = new FakeRawmanServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int ami(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--http";
        all[1] = server.url().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return AmiCli.run(all, Map.of("AMI_USER", FakeRawmanServer.USER, "AMI_SECRET", FakeRawmanServer.SECRET),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ClientFactory.DEFAULT);
    }

    @Test
    void pingLogsInPingsAndLogsOff() {
        assertThat(ami("ping")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).matches("Pong 1795390287\\.371250 \\(\\d+\\.\\d ms\\)\\R");
        assertThat(server.requests("login").get(0).param("Events")).contains("off");
        assertThat(server.requests("ping")).hasSize(1);
        assertThat(server.requests("logoff")).hasSize(1);
    }

    @Test
    void sendPrintsTheEventListOfTranscript14() {
        server.scripts.put("confbridgelist", r -> RawmanTranscripts.CONFBRIDGELIST_703);

        assertThat(ami("send", "ConfbridgeList", "Conference=703")).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Response: Success\nActionID: ").contains("\nEventList: start\n")
                .contains("\n\nEvent: ConfbridgeList\nActionID: ").contains("\nChannel: Local/1005@phones-00000015;1\n")
                .endsWith("\n\nEvent: ConfbridgeListComplete\nActionID: " + server.requests("confbridgelist").get(0).actionId()
                        + "\nEventList: Complete\nListItems: 1\n");
    }

    @Test
    void originateWaitsForTheOriginateResponseFromThePoller() {
        server.scripts.put("originate", r -> {
            server.polls.addAll(List.of(RawmanTranscripts.POLL_1, RawmanTranscripts.POLL_2));
            return RawmanTranscripts.ORIGINATE_QUEUED;
        });

        int code = ami("originate", "--channel", "Local/1201@phones", "--context", "confbridge", "--exten", "707",
                "--caller-id", "Rosa <1201>", "--channel-id", "http-1201");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("Originate answered: channel Local/1201@phones-0000001f;1, uniqueid http-1201\n");
        assertThat(server.requests("login").get(0).param("Events")).contains("call");
    }

    @Test
    void refusedLoginOverHttpExitsWith4() {
        int code = AmiCli.run(new String[] {"--http", server.url().toString(), "ping"},
                Map.of("AMI_USER", "admin", "AMI_SECRET", "wrong"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ClientFactory.DEFAULT);

        assertThat(code).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ami: AMI login refused for user admin: Authentication failed\n");
    }
}
