package org.confroom.ami.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.confroom.ami.codec.ActionBytes;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.Transcripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Typed actions write what the recorded client wrote, and refuse meaningless input when built. */
class TypedActionsTest {
    static Stream<Object[]> recorded() {
        return Stream.of(
                row("03", "coreshowchannels-2", new CoreShowChannels()),
                row("03", "command-3", new Command("core show version")),
                row("06", "confbridgelistrooms-2", new ConfbridgeListRooms()),
                row("06", "confbridgelist-3", new ConfbridgeList("700")),
                row("08", "confbridgemute-4", new ConfbridgeMute("700", "Local/1002@phones-00000004;1")),
                row("08", "confbridgeunmute-6", new ConfbridgeUnmute("700", "Local/1002@phones-00000004;1")),
                row("08", "confbridgemute-7", new ConfbridgeMute("700", ConferenceMemberAction.PARTICIPANTS)),
                row("08", "confbridgeunmute-8", new ConfbridgeUnmute("700", ConferenceMemberAction.ALL)),
                row("08", "confbridgelock-11", new ConfbridgeLock("700")),
                row("08", "confbridgeunlock-14", new ConfbridgeUnlock("700")),
                row("08", "confbridgestartrecord-15", new ConfbridgeStartRecord("700")),
                row("08", "confbridgestoprecord-18", new ConfbridgeStopRecord("700")),
                row("08", "confbridgekick-20", new ConfbridgeKick("700", "Local/1003@phones-00000005;1")),
                row("10", "bridgelist-4", BridgeList.all()),
                row("10", "redirect-5", Redirect.dual("Local/1001@phones-00000007;1", "Local/2002@phones-00000008;1",
                        "confbridge", "701", 1)),
                row("12", "userevent-10", UserEvent.of("Hello")),
                row("19", "hangup-52", Hangup.matching("^Local\\/3")),
                row("21", "confbridgekick-8", new ConfbridgeKick("705", ConferenceMemberAction.ALL)),
                row("21", "corestatus-10", new CoreStatus()),
                row("21", "getvar-11", Getvar.onChannel("Local/none-00000000;1", "CALLERID(num)")),
                row("23", "redirect-5", Redirect.single("Local/2999@phones-0000ffff;1", "confbridge", "702", 1)),
                row("24", "hangup-3", Hangup.of("Local/1101@phones-0000000f;2")),
                row("25", "playdtmf-4", PlayDTMF.of("Local/1301@phones-00000013;1", '5')),
                row("25", "playdtmf-7",
                        PlayDTMF.of("Local/1301@phones-00000013;1", '5').withDuration(Duration.ofMillis(800))));
    }

    private static Object[] row(String transcript, String actionId, AmiAction action) {
        return new Object[] {transcript, actionId, action};
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recorded")
    void typedActionEncodesLikeTheRecordedClient(String transcript, String actionId, AmiAction action) {
        AmiMessage recorded = Transcripts.clientMessages(Transcripts.named(transcript)).stream()
                .filter(m -> m.actionId().equals(Optional.of(actionId))).findFirst().orElseThrow();

        assertThat(ActionBytes.encode(action, actionId)).isEqualTo(AmiEncoder.encode(recorded));
    }

    @Test
    void optionalHeadersAreWrittenInDocumentedOrder() {
        assertThat(headers(Hangup.of("Local/1@phones-1;1", 16))).containsExactly(
                Map.entry("Channel", "Local/1@phones-1;1"), Map.entry("Cause", "16"));
        assertThat(headers(Redirect.dual("A", "ctxA", "1", 2, "B", "ctxB", "3", 4))).containsExactly(
                Map.entry("Channel", "A"), Map.entry("ExtraChannel", "B"), Map.entry("Context", "ctxA"),
                Map.entry("Exten", "1"), Map.entry("Priority", "2"), Map.entry("ExtraContext", "ctxB"),
                Map.entry("ExtraExten", "3"), Map.entry("ExtraPriority", "4"));
        assertThat(headers(Getvar.global("GLOBAL_X"))).containsExactly(Map.entry("Variable", "GLOBAL_X"));
        assertThat(headers(Setvar.onChannel("C", "V", ""))).containsExactly(
                Map.entry("Channel", "C"), Map.entry("Variable", "V"), Map.entry("Value", ""));
        assertThat(headers(Setvar.global("V", "1")))
                .containsExactly(Map.entry("Variable", "V"), Map.entry("Value", "1"));
        assertThat(headers(Status.of("C", "CONFMGR_ROOM", "CALLERID(num)"))).containsExactly(
                Map.entry("Channel", "C"), Map.entry("Variables", "CONFMGR_ROOM,CALLERID(num)"));
        assertThat(headers(Status.all())).isEmpty();
        assertThat(headers(BridgeList.ofType("basic"))).containsExactly(Map.entry("BridgeType", "basic"));
        assertThat(headers(new ConfbridgeStartRecord("700", Optional.of("/tmp/700.wav")))).containsExactly(
                Map.entry("Conference", "700"), Map.entry("RecordFile", "/tmp/700.wav"));
        assertThat(headers(PlayDTMF.of("C", '#').withDuration(Duration.ZERO).received())).containsExactly(
                Map.entry("Channel", "C"), Map.entry("Digit", "#"), Map.entry("Duration", "0"),
                Map.entry("Receive", "true"));
        assertThat(headers(new MailboxCount("1001@default"))).containsExactly(Map.entry("Mailbox", "1001@default"));
        assertThat(headers(UserEvent.of("RoomChanged").with("Room", "700").with("Room", "701"))).containsExactly(
                Map.entry("UserEvent", "RoomChanged"), Map.entry("Room", "700"), Map.entry("Room", "701"));
    }

    @Test
    void emptyNamesAreRefusedNamingTheField() {
        assertRefused(() -> Hangup.of(""), "channel");
        assertRefused(() -> Hangup.matching(" "), "regex");
        assertRefused(() -> new ConfbridgeLock(""), "conference");
        assertRefused(() -> new ConfbridgeKick("700", ""), "channel");
        assertRefused(() -> new ConfbridgeList("  "), "conference");
        assertRefused(() -> Getvar.onChannel("", "X"), "channel");
        assertRefused(() -> Getvar.global(""), "variable");
        assertRefused(() -> Setvar.global("", "1"), "variable");
        assertRefused(() -> new Command(""), "command");
        assertRefused(() -> new MailboxCount(""), "mailbox");
        assertRefused(() -> BridgeList.ofType(""), "bridgeType");
        assertRefused(() -> new ConfbridgeStartRecord("700", Optional.of("")), "recordFile");
        assertRefused(() -> Redirect.single("A", "", "701", 1), "context");
        assertRefused(() -> Redirect.dual("A", "ctx", "1", 1, "", "ctx", "1", 1), "extraChannel");
        assertRefused(() -> Redirect.dual("A", "ctx", "1", 1, "B", "ctx", "", 1), "extraExten");
        assertRefused(() -> Status.of("C", ""), "variables");
        assertRefused(() -> UserEvent.of(""), "userEvent");
    }

    @Test
    void nullIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new ConfbridgeMute(null, "all")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("conference");
        assertThatThrownBy(() -> Hangup.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("channel");
        assertThatThrownBy(() -> new Setvar("V", null, Optional.empty())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
        assertThatThrownBy(() -> new Redirect(null, Optional.empty())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("leg");
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        assertRefused(() -> PlayDTMF.of("C", '5').withDuration(Duration.ofMillis(-1)), "duration");
        assertRefused(() -> PlayDTMF.of("C", '5').withDuration(Duration.ofDays(30)), "duration");
        assertRefused(() -> Hangup.of("C", -1), "cause");
        assertRefused(() -> Hangup.of("C", 128), "cause");
        assertRefused(() -> Redirect.single("A", "ctx", "1", 0), "priority");
        assertRefused(() -> Redirect.dual("A", "ctx", "1", 1, "B", "ctx", "1", -2), "extraPriority");
        assertThat(Hangup.of("C", 127).cause()).isEqualTo(OptionalInt.of(127));
    }

    @Test
    void digitMustBeOneDtmfCharacter() {
        for (char ok : "0123456789*#ABCD".toCharArray()) {
            assertThat(PlayDTMF.of("C", ok).digit()).isEqualTo(ok);
        }
        // transcript 25: Asterisk itself accepts 'X'
        for (char bad : "XaE \r".toCharArray()) {
            assertRefused(() -> PlayDTMF.of("C", bad), "digit");
        }
    }

    @Test
    void userEventRefusesHeadersTheClientOrTheNameOwns() {
        UserEvent e = UserEvent.of("RoomChanged");
        for (String key : List.of("Action", "ActionID", "actionid", "UserEvent", "USEREVENT")) {
            assertThatThrownBy(() -> e.with(key, "x")).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(t -> assertThat(t.getMessage()).containsIgnoringCase(key));
        }
        assertThat(e.with("Room", "700")).isEqualTo(UserEvent.of("RoomChanged").with("Room", "700")).isNotEqualTo(e);
        assertThat(e.headers()).isEmpty();
    }

    @Test
    void lineBreaksAreLeftToTheEncoderWhichRefusesThemForEveryHeader() {
        ConfbridgeKick kick = new ConfbridgeKick("700", "Local/1003@phones-00000005;1\r\nAction: Command");
        Hangup hangup = Hangup.of("Local/1\nAction: Ping");
        UserEvent userEvent = UserEvent.of("Hello").with("Note", "a\0b");

        assertThatThrownBy(() -> ActionBytes.encode(kick, "k-1")).isInstanceOfSatisfying(AmiEncodingException.class,
                e -> assertThat(e.header()).isEqualTo("Channel"));
        assertThatThrownBy(() -> ActionBytes.encode(hangup, "h-1")).isInstanceOfSatisfying(AmiEncodingException.class,
                e -> assertThat(e.header()).isEqualTo("Channel"));
        assertThatThrownBy(() -> ActionBytes.encode(userEvent, "u-1")).isInstanceOfSatisfying(AmiEncodingException.class,
                e -> assertThat(e.header()).isEqualTo("Note"));
    }

    @Test
    void conferenceActionsAreValuesOfTheirClass() {
        assertThat(new ConfbridgeLock("700")).isEqualTo(new ConfbridgeLock("700"))
                .hasSameHashCodeAs(new ConfbridgeLock("700"))
                .isNotEqualTo(new ConfbridgeUnlock("700")).isNotEqualTo(new ConfbridgeLock("701"));
        assertThat(new ConfbridgeMute("700", "all")).isNotEqualTo(new ConfbridgeUnmute("700", "all"))
                .isNotEqualTo(new ConfbridgeMute("700", "participants"));
        assertThat(new ConfbridgeStartRecord("700")).isNotEqualTo(new ConfbridgeStartRecord("700", Optional.of("f.wav")));
        assertThat(new ConfbridgeKick("700", "all").toString()).contains("ConfbridgeKick").contains("Channel=all");
        assertThat(new ConfbridgeKick("700", "all").channel()).isEqualTo("all");
        assertThat(new ConfbridgeKick("700", "all").conference()).isEqualTo("700");
    }

    @Test
    void hangupKnowsARegex() {
        assertThat(Hangup.matching("^Local\\/3").channel()).isEqualTo("/^Local\\/3/");
        assertThat(Hangup.matching("^Local\\/3").isRegex()).isTrue();
        assertThat(Hangup.of("Local/1@phones-1;1").isRegex()).isFalse();
        assertThat(Hangup.of("/").isRegex()).isFalse();
    }

    @Test
    void redirectKnowsWhetherItIsDual() {
        assertThat(Redirect.single("A", "c", "1", 1).isDual()).isFalse();
        Redirect dual = Redirect.dual("A", "B", "confbridge", "701", 1);
        assertThat(dual.isDual()).isTrue();
        assertThat(dual.extra()).hasValue(new Redirect.Leg("B", "confbridge", "701", 1));
    }

    private static List<Map.Entry<String, String>> headers(AmiAction action) {
        AmiMessage m = ActionBytes.message(action, "t-1");
        return Transcripts.headers(m).subList(2, m.size());
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }
}
