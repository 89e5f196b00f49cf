package org.confroom.ami.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Login;
import org.confroom.ami.action.Originate;
import org.confroom.ami.codec.AmiEncodingException;
import org.junit.jupiter.api.Test;

/** Query encoding of {@link RawmanRequest}, checked against Asterisk's way of decoding it. */
class RawmanRequestTest {
    private static List<Map.Entry<String, String>> asteriskSees(RawmanRequest request) {
        return FakeRawmanServer.parseQuery(request.query());
    }

    @Test
    void originateOfTranscript28() {
        Originate o = Originate.builder("Local/1201@phones").dialplan("confbridge", "707", 1).async(true)
                .callerId("Rosa <1201>").channelId("http-1201").build();
        RawmanRequest r = RawmanRequest.of(o, "c0ffee00-7");

        assertThat(r.query()).isEqualTo("action=Originate&actionid=c0ffee00-7&Channel=Local/1201@phones&Context=confbridge"
                + "&Exten=707&Priority=1&Async=true&CallerID=Rosa%20%3C1201%3E&ChannelId=http-1201");
        // the recorded request, decoded the same way: only the case of the keys differs
        List<Map.Entry<String, String>> recorded = FakeRawmanServer.parseQuery("action=originate&channel=Local/1201@phones"
                + "&context=confbridge&exten=707&priority=1&async=true&callerid=Rosa%20%3C1201%3E&channelid=http-1201");
        List<Map.Entry<String, String>> sent = asteriskSees(r);
        assertThat(sent).hasSize(recorded.size() + 1);
        for (int i = 1; i < recorded.size(); i++) {
            assertThat(sent.get(i + 1).getKey()).isEqualToIgnoringCase(recorded.get(i).getKey());
            assertThat(sent.get(i + 1).getValue()).isEqualTo(recorded.get(i).getValue());
        }
    }

    @Test
    void repeatedHeadersRepeatAndSpecialCharactersSurvive() {
        GenericAction a = GenericAction.of("Originate").with("Channel", "Local/1001@phones-00000002;1")
                .with("CallerID", "+49 30 1234 & \"Jürgen\" = boss%")
                .with("Variable", "ATTEMPT=42").with("Variable", "ROOM=a&b=c");
        List<Map.Entry<String, String>> seen = asteriskSees(RawmanRequest.of(a, "x-1"));

        assertThat(seen).containsExactly(Map.entry("action", "Originate"), Map.entry("actionid", "x-1"),
                Map.entry("Channel", "Local/1001@phones-00000002;1"),
                Map.entry("CallerID", "+49 30 1234 & \"Jürgen\" = boss%"),
                Map.entry("Variable", "ATTEMPT=42"), Map.entry("Variable", "ROOM=a&b=c"));
        // Asterisk's legacy decoding turns a bare '+' into a space, so it must travel as %2B
        assertThat(RawmanRequest.encode("+1 2")).isEqualTo("%2B1%202");
        assertThat(RawmanRequest.encode("Jürgen")).isEqualTo("J%C3%BCrgen");
    }

    @Test
    void lineBreaksAndNulAreRefusedNamingTheHeader() {
        GenericAction cr = GenericAction.of("Originate").with("Channel", "Local/1001@phones").with("CallerID", "Eve\r\nAction: Command");
        assertThatThrownBy(() -> RawmanRequest.of(cr, "x-1")).isInstanceOf(AmiEncodingException.class)
                .hasMessageContaining("CallerID").hasMessageContaining("CR");
        GenericAction lf = GenericAction.of("Redirect").with("Exten", "700\nContext: phones");
        assertThatThrownBy(() -> RawmanRequest.of(lf, "x-1")).isInstanceOf(AmiEncodingException.class)
                .hasMessageContaining("Exten").hasMessageContaining("LF");
        GenericAction nul = GenericAction.of("Ping").with("X\0", "1");
        assertThatThrownBy(() -> RawmanRequest.of(nul, "x-1")).isInstanceOf(AmiEncodingException.class)
                .hasMessageContaining("NUL");
        GenericAction badName = GenericAction.of("Ping\r\nAction: Command");
        assertThatThrownBy(() -> RawmanRequest.of(badName, "x-1")).isInstanceOf(AmiEncodingException.class)
                .hasMessageContaining("Action");
    }

    @Test
    void actionMayNotWriteItsOwnActionId() {
        AmiAction sneaky = new AmiAction() {
            @Override
            public String name() {
                return "Ping";
            }

            @Override
            public void writeHeaders(org.confroom.ami.action.HeaderWriter out) {
                out.add("ActionID", "mine");
            }
        };
        assertThatThrownBy(() -> RawmanRequest.of(sneaky, "x-1")).isInstanceOf(AmiEncodingException.class)
                .hasMessageContaining("written by the client");
    }

    @Test
    void secretsAreMaskedInLogs() {
        RawmanRequest login = RawmanRequest.of(Login.plain("admin", "admin-secret", "on"), "x-1");
        assertThat(login.query()).contains("Secret=admin-secret");
        assertThat(login.loggableQuery()).contains("Secret=***").doesNotContain("admin-secret");
        RawmanRequest md5 = RawmanRequest.of(Login.md5("admin", "0123abcd", "on"), "x-2");
        assertThat(md5.loggableQuery()).contains("Key=***").doesNotContain("0123abcd");
    }
}
