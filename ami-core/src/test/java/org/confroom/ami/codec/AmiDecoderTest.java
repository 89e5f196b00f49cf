package org.confroom.ami.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Decoder behaviour beyond the recordings: line ends, old command output, limits, resynchronisation. */
class AmiDecoderTest {
    private static final String PING = "Response: Success\r\nActionID: p-1\r\nPing: Pong\r\n\r\n";

    @Test
    void bareLfAndCrlfLineEndsGiveEqualMessages() {
        byte[] crlf = Transcripts.s2c(Transcripts.named("08"));
        byte[] lf = new String(crlf, ISO_8859_1).replace("\r\n", "\n").getBytes(ISO_8859_1);
        byte[] mixed = new String(crlf, ISO_8859_1).replace("Privilege: call,all\r\n", "Privilege: call,all\n")
                .getBytes(ISO_8859_1);

        List<AmiFrame> expected = AmiDecoder.forServerStream().decodeAll(crlf);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(AmiDecoder.forServerStream().decodeAll(lf)).isEqualTo(expected);
        assertThat(AmiDecoder.forServerStream().decodeAll(mixed)).isEqualTo(expected);
    }

    @Test
    void bannerIsTheFirstLine() {
        List<AmiFrame> frames = AmiDecoder.forServerStream().decodeAll(ascii("Asterisk Call Manager/11.0.0\r\n" + PING));

        assertThat(frames).hasSize(2);
        Banner banner = (Banner) frames.get(0);
        assertThat(banner.text()).isEqualTo("Asterisk Call Manager/11.0.0");
        assertThat(banner.isAsterisk()).isTrue();
        assertThat(banner.version()).isEqualTo("11.0.0");
        assertThat(((AmiMessage) frames.get(1)).get("Ping")).hasValue("Pong");
    }

    @Test
    void aForeignBannerIsStillABanner() {
        List<AmiFrame> frames = AmiDecoder.forServerStream().decodeAll(ascii("SSH-2.0-OpenSSH_9.6\r\n"));

        assertThat(frames).containsExactly(new Banner("SSH-2.0-OpenSSH_9.6"));
        assertThat(((Banner) frames.get(0)).isAsterisk()).isFalse();
    }

    /** Asterisk 1.8 wrote CLI output raw (bare LF) after the headers and glued the marker to its end. */
    @Test
    void oldFollowsOutputBecomesOutputLines() {
        String old = "Response: Follows\r\n"
                + "Privilege: Command\r\n"
                + "ActionID: cmd-1\r\n"
                + "Channel              Location             State   Application(Data)\n"
                + "SIP/100-00000001     700@confbridge:2     Up      ConfBridge(700)\n"
                + "Last reload: 8 minutes, 5 seconds\n"
                + "\n"
                + "1 active channel--END COMMAND--\r\n"
                + "\r\n";

        List<AmiFrame> frames = AmiDecoder.withoutBanner().decodeAll(ascii(old + PING));

        assertThat(frames).hasSize(2);
        AmiMessage m = (AmiMessage) frames.get(0);
        assertThat(m.type()).isEqualTo(MessageType.RESPONSE);
        assertThat(m.name()).isEqualTo("Follows");
        assertThat(m.actionId()).hasValue("cmd-1");
        assertThat(m.hasFollowsBlock()).isTrue();
        assertThat(m.outputLines()).containsExactly(
                "Channel              Location             State   Application(Data)",
                "SIP/100-00000001     700@confbridge:2     Up      ConfBridge(700)",
                "Last reload: 8 minutes, 5 seconds",
                "",
                "1 active channel");
        assertThat(m.has("Last reload")).isFalse();
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "p-1", "Ping", "Pong"));
    }

    @Test
    void outputHeadersOfAsterisk22GiveTheSameLinesAsTheOldForm() {
        String old = "Response: Follows\r\nPrivilege: Command\r\n"
                + "System uptime: 8 minutes, 5 seconds\nLast reload: 8 minutes, 5 seconds\n--END COMMAND--\r\n\r\n";
        String now = "Response: Success\r\nMessage: Command output follows\r\n"
                + "Output: System uptime: 8 minutes, 5 seconds\r\nOutput: Last reload: 8 minutes, 5 seconds\r\n\r\n";

        AmiMessage oldForm = (AmiMessage) AmiDecoder.withoutBanner().decodeAll(ascii(old)).get(0);
        AmiMessage newForm = (AmiMessage) AmiDecoder.withoutBanner().decodeAll(ascii(now)).get(0);

        assertThat(newForm.hasFollowsBlock()).isFalse();
        assertThat(newForm.outputLines()).isEqualTo(oldForm.outputLines())
                .containsExactly("System uptime: 8 minutes, 5 seconds", "Last reload: 8 minutes, 5 seconds");
    }

    @Test
    void oldFollowsOutputReencodesAndRefusesLinesItCannotFrame() {
        AmiMessage follows = AmiMessage.builder().add("Response", "Follows").add("Privilege", "Command")
                .addFollowsOutput("Channel: SIP/100").addFollowsOutput("1 active channel").build();

        byte[] bytes = AmiEncoder.encode(follows);

        assertThat(new String(bytes, UTF_8)).isEqualTo("Response: Follows\r\nPrivilege: Command\r\n"
                + "Channel: SIP/100\r\n1 active channel\r\n--END COMMAND--\r\n\r\n");
        assertThat(AmiDecoder.withoutBanner().decodeAll(bytes)).containsExactly(follows);
        for (String bad : List.of("a\nb", "a\rb", "\ud800")) {
            AmiMessage m = AmiMessage.builder().add("Response", "Follows").addFollowsOutput(bad).build();
            assertThatThrownBy(() -> AmiEncoder.encode(m)).isInstanceOfSatisfying(AmiEncodingException.class,
                    e -> assertThat(e.header()).isEqualTo("Output"));
        }
    }

    @Test
    void repeatedVariableAndChanVariableKeysKeepTheirOrder() {
        String event = "Event: Newchannel\r\nChannel: Local/1001@phones-00000002;1\r\n"
                + "ChanVariable(CONFMGR_ROOM): 700\r\nChanVariable(CONFMGR_ATTEMPT): a-1\r\n"
                + "Variable: B=2\r\nVariable: A=1\r\nVariable: B=3\r\n\r\n";

        AmiMessage m = (AmiMessage) AmiDecoder.withoutBanner().decodeAll(ascii(event)).get(0);

        assertThat(m.getAll("Variable")).containsExactly("B=2", "A=1", "B=3");
        assertThat(m.get("variable")).hasValue("B=2");
        assertThat(m.get("ChanVariable(CONFMGR_ROOM)")).hasValue("700");
        assertThat(m.keyAt(3)).isEqualTo("ChanVariable(CONFMGR_ATTEMPT)");
        assertThat(m.size()).isEqualTo(7);
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        byte[] head = ascii("Event: X\r\nCallerIDName: ");
        byte[] bad = {(byte) 0xC3, '(', (byte) 0xFF, '\r', '\n', '\r', '\n'};
        byte[] bytes = Transcripts.concat(List.of(head, bad));

        AmiMessage m = (AmiMessage) AmiDecoder.withoutBanner().decodeAll(bytes).get(0);

        assertThat(m.get("CallerIDName")).hasValue("\uFFFD(\uFFFD");
    }

    @Test
    void tooLongLineIsOneMalformedFrameAndTheNextMessageDecodes() {
        String longLine = "Message: " + "x".repeat(200) + "\r\n";
        List<AmiFrame> frames = decodeSmall("Response: Error\r\n" + longLine + "ActionID: a-1\r\n\r\n" + PING);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.reason()).contains("longer than 64"));
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "p-1", "Ping", "Pong"));
    }

    @Test
    void lineOfExactlyTheLimitIsAcceptedAndOneMoreByteIsNot() {
        String fits = "Message: " + "x".repeat(64 - "Message: ".length());
        String tooLong = fits + "x";
        assertThat(fits).hasSize(64);

        for (String lineEnd : List.of("\r\n", "\n")) {
            List<AmiFrame> ok = decodeSmall("Response: Error\r\n" + fits + lineEnd + "\r\n");
            List<AmiFrame> bad = decodeSmall("Response: Error\r\n" + tooLong + lineEnd + "\r\n");

            assertThat(ok).as("64 bytes + %s", lineEnd.length()).singleElement().isInstanceOf(AmiMessage.class);
            assertThat(bad).as("65 bytes + %s", lineEnd.length()).singleElement().isInstanceOf(MalformedMessage.class);
        }
    }

    @Test
    void tooManyHeadersAreOneMalformedFrameAndTheNextMessageDecodes() {
        StringBuilder many = new StringBuilder("Event: VarSet\r\n");
        for (int i = 0; i < 20; i++) {
            many.append("Variable: v").append(i).append("\r\n");
        }
        List<AmiFrame> frames = decodeSmall(many + "\r\n" + PING);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.reason()).contains("more than 8 headers"));
        assertThat(frames.get(1)).isInstanceOf(AmiMessage.class);
    }

    @Test
    void headerLineWithoutColonIsOneMalformedFrameAndTheNextMessageDecodes() {
        List<AmiFrame> frames = AmiDecoder.withoutBanner()
                .decodeAll(ascii("Response: Success\r\nthis is not a header\r\nMore: junk\r\n\r\n" + PING));

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.reason()).contains("without ':'");
            assertThat(m.excerpt()).contains("Response: Success").contains("this is not a header");
        });
        assertThat(frames.get(1)).isInstanceOf(AmiMessage.class);
    }

    @Test
    void inputEndingInsideAMessageIsMalformedAtEndOfInput() {
        AmiDecoder decoder = AmiDecoder.withoutBanner();
        List<AmiFrame> frames = new ArrayList<>();
        byte[] cut = ascii(PING + "Response: Success\r\nActionID: p-2\r\nPi");

        decoder.feed(cut, 0, cut.length, frames::add);
        assertThat(frames).hasSize(1);
        decoder.endOfInput(frames::add);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(1)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.reason()).contains("input ended");
            assertThat(m.excerpt()).contains("ActionID: p-2");
        });
        assertThat(decoder.messageCount()).isEqualTo(1);
        assertThat(decoder.malformedCount()).isEqualTo(1);
    }

    @Test
    void blankLinesBetweenMessagesAreSkipped() {
        List<AmiFrame> frames = AmiDecoder.withoutBanner().decodeAll(ascii("\r\n\r\n" + PING + "\r\n\n" + PING));

        assertThat(frames).hasSize(2).allMatch(AmiMessage.class::isInstance);
    }

    private static List<AmiFrame> decodeSmall(String input) {
        List<AmiFrame> whole = new AmiDecoder(new DecoderLimits(64, 8), false).decodeAll(ascii(input));
        // the same, one byte at a time: limits must not depend on how the input is cut
        AmiDecoder decoder = new AmiDecoder(new DecoderLimits(64, 8), false);
        List<AmiFrame> bytewise = new ArrayList<>();
        byte[] b = ascii(input);
        for (int i = 0; i < b.length; i++) {
            decoder.feed(b, i, 1, bytewise::add);
        }
        decoder.endOfInput(bytewise::add);
        assertThat(bytewise).as("one byte at a time").isEqualTo(whole);
        return whole;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(UTF_8);
    }
}
