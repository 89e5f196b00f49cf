package org.confroom.ami.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded server stream decodes into exactly the messages that the annotated {@code .txt}
 * shows, read by the independent parser in {@link Transcripts}.
 */
class TranscriptDecodeTest {
    static Stream<String> tcpTranscripts() {
        return Transcripts.tcpNames().stream();
    }

    @ParameterizedTest
    @MethodSource("tcpTranscripts")
    void tcpSessionDecodesAsTheTranscriptShows(String name) {
        List<List<byte[]>> connections = Transcripts.linesByConnection(name, "S: ");
        assertThat(Transcripts.concat(Transcripts.lines(name, "S: "))).as("%s.txt reproduces the raw stream", name)
                .isEqualTo(Transcripts.s2c(name));

        List<AmiFrame> expected = new ArrayList<>();
        for (List<byte[]> connection : connections) {
            List<String> lines = Transcripts.texts(connection);
            expected.add(new Banner(lines.get(0)));
            for (List<Map.Entry<String, String>> headers : Transcripts.messages(lines.subList(1, lines.size()))) {
                expected.add(message(headers));
            }
        }
        List<AmiFrame> actual = Transcripts.decodeServer(name);
        assertThat(expected).hasSizeGreaterThan(connections.size());

        assertThat(actual).filteredOn(MalformedMessage.class::isInstance).as("malformed frames in %s", name).isEmpty();
        assertSameFrames(name, actual, expected);
    }

    @ParameterizedTest
    @MethodSource("httpRawman")
    void httpBodiesDecodeAsTheTranscriptShows(String number) {
        String name = Transcripts.named(number);
        assertThat(Transcripts.concat(Transcripts.lines(name, "S: "))).isEqualTo(Transcripts.s2c(name));

        List<AmiFrame> actual = new ArrayList<>();
        for (byte[] body : Transcripts.httpBodies(Transcripts.s2c(name))) {
            actual.addAll(AmiDecoder.withoutBanner().decodeAll(body));
        }
        // independent of Content-Length: a body is every line after the blank line of an HTTP head
        List<String> bodyLines = new ArrayList<>();
        boolean inHead = false;
        for (String line : Transcripts.texts(Transcripts.lines(name, "S: "))) {
            if (line.startsWith("HTTP/1.1 ")) {
                inHead = true;
            } else if (inHead) {
                inHead = !line.isEmpty();
            } else {
                bodyLines.add(line);
            }
        }
        List<AmiFrame> expected = Transcripts.messages(bodyLines).stream().map(TranscriptDecodeTest::message)
                .map(AmiFrame.class::cast).toList();

        assertThat(actual).hasSizeGreaterThan(10).allMatch(AmiMessage.class::isInstance);
        assertSameFrames(name, actual, expected);
    }

    static Stream<String> httpRawman() {
        return Stream.of("14", "28");
    }

    @Test
    void loadTranscriptYieldsEveryEventOfTheTranscript() {
        String name = Transcripts.named("19");
        List<String> lines = Transcripts.texts(Transcripts.lines(name, "S: "));
        long expectedEvents = Transcripts.messages(lines.subList(1, lines.size())).stream()
                .filter(m -> m.get(0).getKey().equals("Event")).count();

        List<AmiMessage> messages = Transcripts.serverMessages(name);

        assertThat(messages.stream().filter(m -> m.type() == MessageType.EVENT).count()).isEqualTo(expectedEvents)
                .isEqualTo(4191);
    }

    @Test
    void originateResponseIsAnEventAlthoughItHasAResponseHeader() {
        List<AmiMessage> responses = Transcripts.serverMessages(Transcripts.named("07")).stream()
                .filter(m -> m.name().equals("OriginateResponse")).toList();

        assertThat(responses).isNotEmpty().allSatisfy(m -> {
            assertThat(m.type()).isEqualTo(MessageType.EVENT);
            assertThat(m.isEvent("OriginateResponse")).isTrue();
            assertThat(m.get("Response")).hasValue("Success");
        });
    }

    @Test
    void repeatedKeysKeepTheirOrder() {
        AmiMessage command = Transcripts.serverMessages(Transcripts.named("21")).stream()
                .filter(m -> m.actionId().equals(Optional.of("command-3"))).findFirst().orElseThrow();
        assertThat(command.getAll("Output")).containsExactly(
                "Conference Bridge Name           Users  Marked Locked Muted",
                "================================ ====== ====== ====== =====",
                "704                                   4      0 No     No");
        assertThat(command.outputLines()).isEqualTo(command.getAll("output"));

        AmiMessage originate = Transcripts.clientMessages(Transcripts.named("17")).stream()
                .filter(m -> m.actionId().equals(Optional.of("inj-3"))).findFirst().orElseThrow();
        assertThat(originate.getAll("Context")).containsExactly("phones", "confbridge-quiet");
        assertThat(originate.get("Context")).hasValue("phones");
    }

    @Test
    void bareCarriageReturnStaysInsideTheValue() {
        AmiMessage response = Transcripts.serverMessages(Transcripts.named("17")).stream()
                .filter(m -> m.isEvent("OriginateResponse") && m.actionId().equals(Optional.of("inj-5")))
                .findFirst().orElseThrow();

        assertThat(response.get("CallerIDName")).hasValue("Mal\rlory");
        assertThat(response.get("CallerIDNum")).hasValue("1010");
        assertThat(response.get("Uniqueid")).isPresent();
    }

    private static AmiMessage message(List<Map.Entry<String, String>> headers) {
        AmiMessage.Builder b = AmiMessage.builder();
        headers.forEach(h -> b.add(h.getKey(), h.getValue()));
        return b.build();
    }

    private static void assertSameFrames(String name, List<AmiFrame> actual, List<AmiFrame> expected) {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            AmiFrame a = actual.get(i);
            AmiFrame e = expected.get(i);
            if (a instanceof AmiMessage am && e instanceof AmiMessage em) {
                assertThat(Transcripts.headers(am)).as("%s frame %d", name, i).isEqualTo(Transcripts.headers(em));
                assertThat(am.type()).as("%s frame %d type", name, i).isEqualTo(em.type());
            } else {
                assertThat(a).as("%s frame %d", name, i).isEqualTo(e);
            }
        }
        assertThat(actual).as("%s frame count", name).hasSameSizeAs(expected);
    }
}
