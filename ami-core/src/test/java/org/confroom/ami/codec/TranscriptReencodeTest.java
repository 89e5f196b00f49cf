package org.confroom.ami.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Originate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded client streams decode and re-encode byte for byte; the injection attempts of the naive
 * client in transcripts 17 and 18 are refused when built as typed actions.
 */
class TranscriptReencodeTest {
    /** Values the naive client pasted into headers; checked below against the recorded bytes. */
    private static final String CRLF_CALLER_ID = "Mallory\r\nAction: Command\r\nCommand: core show version";
    private static final String SMUGGLED_COMMAND = "Mallory\r\n\r\nAction: Command\r\nCommand: core show version";
    private static final String INJECTED_CONTEXT = "704\r\nContext: phones";
    // the annotation shows 'Mallory\n\nAction: Ping'; the bytes show that the ActionID line belongs to it too
    private static final String BARE_LF_PING = "Mallory\n\nAction: Ping\nActionID: smuggled-ping";
    // the annotation shows 'Mal\rlory'; the client wrapped it as a full caller id
    private static final String BARE_CR = "\"Mal\rlory\" <1010>";

    static Stream<String> cleanClientStreams() {
        return Transcripts.tcpNames().stream().filter(n -> !List.of("17", "18").contains(Transcripts.number(n)));
    }

    @ParameterizedTest
    @MethodSource("cleanClientStreams")
    void clientStreamReencodesByteForByte(String name) {
        byte[] raw = Transcripts.c2s(name);
        List<AmiMessage> messages = Transcripts.clientMessages(name);

        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m.type()).isIn(MessageType.ACTION, MessageType.OTHER));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(AmiEncoder.encode(m)));
        assertThat(new String(out.toByteArray(), UTF_8)).isEqualTo(new String(raw, UTF_8));
        assertThat(out.toByteArray()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "18"})
    void asteriskSawTheInjectedHeadersAndActions(String number) {
        List<AmiMessage> seen = Transcripts.clientMessages(Transcripts.named(number));

        assertThat(seen).extracting(AmiMessage::name).containsExactly("Login", "Originate", "Originate", "Command",
                "Originate", "Originate", "Ping", "Originate", "ConfbridgeList", "Logoff");
        assertThat(seen.get(1).getAll("Action")).containsExactly("Originate", "Command");
        assertThat(seen.get(3).get("Command")).hasValue("core show version");
        assertThat(seen.get(4).get("Context")).hasValue("phones");
        assertThat(seen.get(6).actionId()).hasValue("smuggled-ping");
        assertThat(seen.get(7).get("CallerID")).hasValue(BARE_CR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "18"})
    void attackValuesReproduceTheRecordedBytes(String number) {
        String name = Transcripts.named(number);
        List<AmiMessage> seen = Transcripts.clientMessages(name);
        ByteArrayOutputStream naive = new ByteArrayOutputStream();
        naive.writeBytes(AmiEncoder.encode(seen.get(0)));
        naive.writeBytes(naiveOriginate("inj-1", "Local/1006@phones", "CallerID", CRLF_CALLER_ID));
        naive.writeBytes(naiveOriginate("inj-2", "Local/1007@phones", "CallerID", SMUGGLED_COMMAND));
        naive.writeBytes(naiveOriginate("inj-3", "Local/1008@phones", "Exten", INJECTED_CONTEXT));
        naive.writeBytes(naiveOriginate("inj-4", "Local/1009@phones", "CallerID", BARE_LF_PING));
        naive.writeBytes(naiveOriginate("inj-5", "Local/1010@phones", "CallerID", BARE_CR));
        naive.writeBytes(AmiEncoder.encode(seen.get(seen.size() - 2)));
        naive.writeBytes(AmiEncoder.encode(seen.get(seen.size() - 1)));

        assertThat(naive.toByteArray()).isEqualTo(Transcripts.c2s(name));
    }

    static Stream<Object[]> attacks() {
        return Stream.of(
                new Object[] {"inj-1", typed("Local/1006@phones", "704").callerId(CRLF_CALLER_ID).build(), "CallerID"},
                new Object[] {"inj-2", typed("Local/1007@phones", "704").callerId(SMUGGLED_COMMAND).build(), "CallerID"},
                new Object[] {"inj-3", typed("Local/1008@phones", INJECTED_CONTEXT).build(), "Exten"},
                new Object[] {"inj-4", typed("Local/1009@phones", "704").callerId(BARE_LF_PING).build(), "CallerID"},
                new Object[] {"inj-5", typed("Local/1010@phones", "704").callerId(BARE_CR).build(), "CallerID"});
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void typedActionRefusesTheAttackValueNamingTheHeader(String actionId, AmiAction action, String header) {
        assertThatThrownBy(() -> ActionBytes.encode(action, actionId))
                .isInstanceOfSatisfying(AmiEncodingException.class, e -> {
                    assertThat(e.header()).isEqualTo(header);
                    assertThat(e.getMessage()).contains("'" + header + "'").contains("refusing");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"17", "18"})
    void theSmuggledCommandRanOnlyForAdmin(String number) {
        List<AmiMessage> received = Transcripts.serverMessages(Transcripts.named(number));
        Optional<AmiMessage> output = received.stream()
                .filter(m -> m.outputLines().stream().anyMatch(l -> l.startsWith("Asterisk 22.10.1"))).findFirst();
        boolean denied = received.stream().anyMatch(m -> m.type() == MessageType.RESPONSE && m.actionId().isEmpty()
                && m.text("Message").equals("Permission denied"));

        assertThat(output.isPresent()).isEqualTo(number.equals("17"));
        assertThat(denied).isEqualTo(number.equals("18"));
        // the same Originate with a clean value goes out fine
        assertThat(ActionBytes.message(typed("Local/1006@phones", "704").callerId("Mallory").build(), "inj-1")
                .get("CallerID")).hasValue("Mallory");
    }

    private static Originate.Builder typed(String channel, String exten) {
        return Originate.builder(channel).dialplan("confbridge-quiet", exten, 1).async(true);
    }

    /** What the naive client wrote: values pasted between {@code "Key: "} and CRLF, in its own header order. */
    private static byte[] naiveOriginate(String actionId, String channel, String attackedKey, String attackValue) {
        StringBuilder sb = new StringBuilder("Action: Originate\r\nActionID: " + actionId + "\r\n")
                .append("Channel: ").append(channel).append("\r\n");
        if (attackedKey.equals("Exten")) {
            sb.append("Exten: ").append(attackValue).append("\r\nContext: confbridge-quiet\r\n");
        } else {
            sb.append(attackedKey).append(": ").append(attackValue)
                    .append("\r\nContext: confbridge-quiet\r\nExten: 704\r\n");
        }
        return sb.append("Priority: 1\r\nAsync: true\r\n\r\n").toString().getBytes(UTF_8);
    }
}
