package org.confroom.ami.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.AmiOutcomeUnknownException;
import org.confroom.ami.AmiTimeoutException;
import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.HeaderWriter;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.junit.jupiter.api.Test;

/** Parsing, output and exit codes of the {@code ami} tool, with a fake client (no sockets). */
class AmiCliTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>(Map.of("AMI_USER", "confmgr", "AMI_SECRET", "confmgr-secret"));
    private final FakeAmiClient client = new FakeAmiClient();
    private final List<AmiClientConfig> configs = new ArrayList<>();
    private final List<Optional<URI>> urls = new ArrayList<>();
    private SecretSource prompt = user -> Optional.empty();

    private int ami(String... args) {
        ClientFactory factory = (config, url) -> {
            configs.add(config);
            urls.add(url);
            return client;
        };
        return AmiCli.run(args, env, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), factory, prompt);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** @return the headers an action writes, as "Key: value" */
    private static List<String> headers(AmiAction action) {
        List<String> out = new ArrayList<>();
        action.writeHeaders(new HeaderWriter() {
            @Override
            public HeaderWriter add(String key, String value) {
                out.add(key + ": " + value);
                return this;
            }
        });
        return out;
    }

    private void assertUsageError(int code, String message) {
        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("ami: ").contains(message).endsWith("\n");
        assertThat(err().lines()).hasSize(1);
        assertThat(configs).as("nothing connected").isEmpty();
    }

    // ---- options -----------------------------------------------------------------------------

    @Test
    void helpPrintsUsage() {
        assertThat(ami("--help")).isZero();
        assertThat(out()).startsWith("usage: ami [options] COMMAND").contains("--http URL").contains("exit codes");
        assertThat(configs).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsageError(ami(), "no command given");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertUsageError(ami("dial"), "unknown command 'dial'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertUsageError(ami("--verbose", "ping"), "unknown option --verbose");
    }

    @Test
    void secretOnTheCommandLineIsRefusedWherever() {
        assertUsageError(ami("--secret", "s3cret", "ping"), "--secret is not accepted");
        errBytes.reset();
        assertUsageError(ami("ping", "--secret=s3cret"), "AMI_SECRET");
        errBytes.reset();
        assertUsageError(ami("send", "Ping", "--secret", "x"), "--secret is not accepted");
        assertThat(err()).doesNotContain("s3cret");
    }

    @Test
    void connectionDefaultsComeFromTheEnvironment() {
        env.put("AMI_HOST", "pbx.example");
        env.put("AMI_PORT", "5039");
        client.answers = a -> CompletableFuture.completedFuture(FakeAmiClient.response("Response", "Success", "Ping", "Pong",
                "Timestamp", "1.5"));

        assertThat(ami("ping")).isZero();

        AmiClientConfig c = configs.get(0);
        assertThat(c.host()).isEqualTo("pbx.example");
        assertThat(c.port()).isEqualTo(5039);
        assertThat(c.username()).isEqualTo("confmgr");
        assertThat(c.secret()).isEqualTo("confmgr-secret");
        assertThat(c.reconnect()).isFalse();
        assertThat(c.actionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(urls.get(0)).isEmpty();
        assertThat(client.closed).isTrue();
    }

    @Test
    void optionsOverrideTheEnvironmentBeforeOrAfterTheCommand() {
        env.put("AMI_HOST", "pbx.example");
        assertThat(ami("--host", "10.0.0.5", "ping", "--port=6000", "--user", "admin", "--md5", "--tls", "--timeout", "2.5")).isZero();

        AmiClientConfig c = configs.get(0);
        assertThat(c.host()).isEqualTo("10.0.0.5");
        assertThat(c.port()).isEqualTo(6000);
        assertThat(c.username()).isEqualTo("admin");
        assertThat(c.md5()).isTrue();
        assertThat(c.tls()).isTrue();
        assertThat(c.actionTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.eventMask()).isEqualTo("off");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertUsageError(ami("--port", "70000", "ping"), "port must be a number from 1 to 65535");
        errBytes.reset();
        assertUsageError(ami("--timeout", "0", "ping"), "--timeout needs a number of seconds");
        errBytes.reset();
        assertUsageError(ami("ping", "--host"), "--host needs a value");
        errBytes.reset();
        assertUsageError(ami("--md5=yes", "ping"), "--md5 takes no value");
        errBytes.reset();
        env.remove("AMI_USER");
        assertUsageError(ami("ping"), "no AMI user");
    }

    @Test
    void httpUrlSelectsTheHttpTransport() {
        assertThat(ami("--http", "http://127.0.0.1:8088/rawman", "ping")).isZero();
        assertThat(urls.get(0)).contains(URI.create("http://127.0.0.1:8088/rawman"));
        assertThat(configs.get(0).port()).isEqualTo(8088);
    }

    @Test
    void httpUrlMustBeRawmanAndExcludesTls() {
        assertUsageError(ami("--http", "http://127.0.0.1:8088/mxml", "ping"), "/rawman");
        errBytes.reset();
        assertUsageError(ami("--http", "http://127.0.0.1:8088/rawman", "--tls", "ping"), "https://");
    }

    @Test
    void secretIsAskedForWhenTheEnvironmentHasNone() {
        env.remove("AMI_SECRET");
        prompt = user -> Optional.of("typed-for-" + user);
        assertThat(ami("ping")).isZero();
        assertThat(configs.get(0).secret()).isEqualTo("typed-for-confmgr");
    }

    @Test
    void noSecretAndNoTerminalIsAUsageError() {
        env.remove("AMI_SECRET");
        assertUsageError(ami("ping"), "no secret");
    }

    // ---- ping and send -----------------------------------------------------------------------

    @Test
    void pingPrintsPongTimestampAndRoundTrip() {
        client.answers = a -> CompletableFuture.completedFuture(FakeAmiClient.response("Response", "Success",
                "Ping", "Pong", "Timestamp", "1795390287.371250"));

        assertThat(ami("ping")).isZero();

        assertThat(out()).matches("Pong 1795390287\\.371250 \\(\\d+\\.\\d ms\\)\\R");
        assertThat(client.sent).extracting(AmiAction::name).containsExactly("Ping");
        assertThat(err()).isEmpty();
    }

    @Test
    void sendSplitsAtTheFirstEqualsAndRepeatsHeaders() {
        client.answers = a -> CompletableFuture.completedFuture(FakeAmiClient.response("Response", "Success",
                "ActionID", "7", "Message", "Originate successfully queued"));

        assertThat(ami("send", "Originate", "Channel=Local/1001@phones", "Context=confbridge", "Exten=700",
                "Variable=A=1", "Variable=B=x=y", "CallerID=")).isZero();

        assertThat(headers(client.sent.get(0))).containsExactly("Channel: Local/1001@phones", "Context: confbridge",
                "Exten: 700", "Variable: A=1", "Variable: B=x=y", "CallerID: ");
        assertThat(out()).isEqualTo("Response: Success\nActionID: 7\nMessage: Originate successfully queued\n");
    }

    @Test
    void sendPrintsAWholeEventList() {
        AmiMessage head = AmiMessage.of("Response", "Success", "EventList", "start", "Message", "Confbridge user list will follow");
        AmiEvent item = FakeAmiClient.event("Event", "ConfbridgeList", "Conference", "703", "Channel", "Local/1005@phones-00000015;1");
        AmiEvent done = FakeAmiClient.event("Event", "ConfbridgeListComplete", "EventList", "Complete", "ListItems", "1");
        client.answers = a -> CompletableFuture.completedFuture(new AmiResponse(head, List.of(item), done));

        assertThat(ami("send", "ConfbridgeList", "Conference=703")).isZero();

        assertThat(out()).isEqualTo("""
                Response: Success
                EventList: start
                Message: Confbridge user list will follow

                Event: ConfbridgeList
                Conference: 703
                Channel: Local/1005@phones-00000015;1

                Event: ConfbridgeListComplete
                EventList: Complete
                ListItems: 1
                """);
    }

    @Test
    void crInASendValueIsRefusedWithTheEncodersMessage() {
        assertUsageError(ami("send", "Originate", "Channel=Local/1001@phones", "CallerID=Eve\r\nAction: Command"),
                "AMI header 'CallerID' value contains CR (0x0D) at index 3");
        assertThat(client.sent).isEmpty();
    }

    @Test
    void sendRefusesMalformedItems() {
        assertUsageError(ami("send", "Ping", "NoEquals"), "expected key=value, got 'NoEquals'");
        errBytes.reset();
        assertUsageError(ami("send", "Ping", "ActionID=mine"), "written by the client");
        errBytes.reset();
        assertUsageError(ami("send", "Ping", "=value"), "key must not be empty");
        errBytes.reset();
        assertUsageError(ami("send"), "which action");
    }

    // ---- exit codes of failures --------------------------------------------------------------

    private int failingSend(Throwable failure) {
        client.answers = a -> CompletableFuture.failedFuture(failure);
        return ami("send", "CoreShowChannels");
    }

    @Test
    void asteriskErrorExitsWith5AndItsMessage() {
        int code = failingSend(new AmiErrorResponseException("ConfbridgeList",
                AmiMessage.of("Response", "Error", "Message", "No active conferences.")));
        assertThat(code).isEqualTo(5);
        assertThat(err()).isEqualTo("ami: ConfbridgeList refused by Asterisk: No active conferences.\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void timeoutAndOutcomeUnknownExitWith6() {
        assertThat(failingSend(new AmiTimeoutException("CoreShowChannels", "3", Duration.ofSeconds(10)))).isEqualTo(6);
        assertThat(err()).contains("got no response within 10000 ms");
        errBytes.reset();
        assertThat(failingSend(new AmiOutcomeUnknownException("CoreShowChannels", "4", new java.io.IOException("reset"))))
                .isEqualTo(6);
        assertThat(err()).contains("outcome unknown");
    }

    @Test
    void connectionFailureExitsWith3() {
        client.connectResult = CompletableFuture.failedFuture(new AmiConnectionException("AMI connection to 127.0.0.1:5038 failed: Connection refused"));
        assertThat(ami("ping")).isEqualTo(3);
        assertThat(err()).isEqualTo("ami: AMI connection to 127.0.0.1:5038 failed: Connection refused\n");
        assertThat(client.closed).isTrue();
    }

    @Test
    void refusedLoginExitsWith4() {
        client.connectResult = CompletableFuture.failedFuture(new AmiAuthenticationException("confmgr", "Authentication failed"));
        assertThat(ami("ping")).isEqualTo(4);
        assertThat(err()).isEqualTo("ami: AMI login refused for user confmgr: Authentication failed\n");
    }

    @Test
    void unexpectedFailureIsOneLineWithExit1() {
        client.answers = a -> CompletableFuture.failedFuture(new IllegalStateException("boom\nsecond line"));
        assertThat(ami("ping")).isEqualTo(1);
        assertThat(err()).isEqualTo("ami: IllegalStateException: boom second line\n");
    }

    // ---- originate ---------------------------------------------------------------------------

    private static OriginateResponseEvent originateResponse(String... keysAndValues) {
        return new OriginateResponseEvent(AmiMessage.of(keysAndValues));
    }

    @Test
    void originateBuildsTheActionAndPrintsTheChannel() {
        client.originateResult = CompletableFuture.completedFuture(originateResponse("Event", "OriginateResponse",
                "Response", "Success", "Channel", "Local/1201@phones-0000001f;1", "Reason", "4", "Uniqueid", "http-1201"));

        int code = ami("originate", "--channel", "Local/1201@phones", "--context", "confbridge", "--exten", "707",
                "--caller-id", "Rosa <1201>", "--timeout", "20", "--var", "ATTEMPT=42", "--var", "ROOM=707",
                "--channel-id", "http-1201");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("Originate answered: channel Local/1201@phones-0000001f;1, uniqueid http-1201\n");
        assertThat(headers(client.originated.get(0))).containsExactly("Channel: Local/1201@phones", "Context: confbridge",
                "Exten: 707", "Priority: 1", "Async: true", "CallerID: Rosa <1201>", "Timeout: 20000",
                "Variable: ATTEMPT=42", "Variable: ROOM=707", "ChannelId: http-1201");
        assertThat(client.originateTimeouts.get(0)).isEqualTo(Duration.ofSeconds(30)); // ring 20 s + --timeout 10 s
        assertThat(configs.get(0).eventMask()).isEqualTo("call");
    }

    @Test
    void originateOfAnApplication() {
        client.originateResult = CompletableFuture.completedFuture(originateResponse("Event", "OriginateResponse",
                "Response", "Success", "Channel", "Local/1501@phones-00000031;1", "Reason", "4", "Uniqueid", "1.2"));

        assertThat(ami("originate", "--channel=Local/1501@phones", "--application=ConfBridge", "--data=706")).isZero();

        assertThat(headers(client.originated.get(0))).containsExactly("Channel: Local/1501@phones", "Application: ConfBridge",
                "Data: 706", "Async: true");
    }

    @Test
    void failedOriginateExitsWith7WithTheReason() {
        client.originateResult = CompletableFuture.completedFuture(originateResponse("Event", "OriginateResponse",
                "Response", "Failure", "Channel", "Local/8001@phones", "Reason", "5", "Uniqueid", "<unknown>"));

        assertThat(ami("originate", "--channel", "Local/8001@phones", "--context", "confbridge", "--exten", "700")).isEqualTo(7);

        assertThat(err()).isEqualTo("ami: originate failed: busy (Reason 5, channel Local/8001@phones, uniqueid <unknown>)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void originateNeedsExactlyOneTarget() {
        assertUsageError(ami("originate", "--context", "confbridge", "--exten", "700"), "needs --channel");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones"), "either --context");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "c", "--exten", "1",
                "--application", "Playback"), "either --context");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "c"), "both --context and --exten");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "c", "--exten", "1", "--data", "x"),
                "--data goes with --application");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "c", "--exten", "1", "--priority", "0"),
                "--priority needs a whole number above 0");
        errBytes.reset();
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "c", "--exten", "1", "--var", "NOVALUE"),
                "--var needs NAME=VALUE");
    }

    @Test
    void lineBreakInAnOriginateValueIsRefused() {
        assertUsageError(ami("originate", "--channel", "Local/1@phones", "--context", "confbridge", "--exten", "700\nContext: phones"),
                "AMI header 'Exten' value contains LF");
        assertThat(client.originated).isEmpty();
    }

    // ---- events ------------------------------------------------------------------------------

    @Test
    void eventsFilterByNameAndStopAfterCount() {
        client.events = List.of(
                FakeAmiClient.event("Event", "Newchannel", "Channel", "Local/1@phones-1;1"),
                FakeAmiClient.event("Event", "ConfbridgeJoin", "Conference", "700", "Channel", "A"),
                FakeAmiClient.event("Event", "VarSet", "Variable", "BRIDGEPEER"),
                FakeAmiClient.event("Event", "ConfbridgeLeave", "Conference", "700", "Channel", "A"),
                FakeAmiClient.event("Event", "ConfbridgeJoin", "Conference", "700", "Channel", "B"),
                FakeAmiClient.event("Event", "ConfbridgeJoin", "Conference", "700", "Channel", "C"));

        int code = ami("events", "--filter", "confbridgejoin", "--filter", "CONFBRIDGELEAVE", "--count", "3");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo("""
                Event: ConfbridgeJoin
                Conference: 700
                Channel: A

                Event: ConfbridgeLeave
                Conference: 700
                Channel: A

                Event: ConfbridgeJoin
                Conference: 700
                Channel: B

                """);
        assertThat(err()).matches("3 events in \\d+\\.\\d\\d s \\(\\d+\\.\\d events/s\\)\\R");
        assertThat(configs.get(0).eventMask()).isEqualTo("on");
    }

    @Test
    void eventsEndWithExit3WhenTheConnectionEnds() {
        client.events = List.of(FakeAmiClient.event("Event", "FullyBooted", "Status", "Fully Booted"));
        client.afterEvents = new ConnectionEvent(ConnectionState.CLOSED,
                new AmiConnectionException("AMI connection to 127.0.0.1:5038 lost: end of stream"), null, 1);

        assertThat(ami("events")).isEqualTo(3);

        assertThat(out()).isEqualTo("Event: FullyBooted\nStatus: Fully Booted\n\n");
        assertThat(err()).isEqualTo("ami: AMI connection to 127.0.0.1:5038 lost: end of stream\n");
    }

    @Test
    void eventsRejectsBadCounts() {
        assertUsageError(ami("events", "--count", "-1"), "--count needs a whole number above 0");
        errBytes.reset();
        assertUsageError(ami("events", "ConfbridgeJoin"), "unexpected argument");
    }
}
