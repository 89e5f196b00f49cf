package org.confroom.ami.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.confroom.ami.AmiAuthenticationException;
import org.confroom.ami.AmiErrorResponseException;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.Originate;
import org.confroom.ami.action.Ping;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.codec.AmiEncodingException;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same client suite for every AMI peer that behaves like the recorded Asterisk 22 (users and
 * dialplan of {@code docs/ami-transcripts/README.md}): run by {@code RealAsteriskTest} against a
 * real Asterisk selected by {@code AMI_*} variables, and by ami-sim's tests against the simulator.
 */
public abstract class AmiConformanceSuite {
    private final List<AmiClient> clients = new ArrayList<>();

    /** @return host of the peer */
    protected abstract String host();

    /** @return AMI TCP port of the peer */
    protected abstract int port();

    /** @return a manager user with read=all, write=all */
    protected String user() {
        return "admin";
    }

    /** @return its secret */
    protected abstract String secret();

    /** @return how long the peer may take to answer a call and join it to a conference */
    protected Duration callTimeout() {
        return Duration.ofSeconds(15);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(AmiClient::close);
    }

    /** @return a configuration for this peer, without reconnect so that failures surface at once */
    protected AmiClientConfig.Builder config() {
        return AmiClientConfig.builder(host(), port()).credentials(user(), secret()).reconnect(false).name("conformance");
    }

    private AmiClient connected(AmiClientConfig config) throws Exception {
        AmiClient c = new TcpAmiClient(config);
        clients.add(c);
        c.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static String freshConference() {
        return "7" + (100 + ThreadLocalRandom.current().nextInt(800)) + ThreadLocalRandom.current().nextInt(10);
    }

    @Test
    void plainLoginAndPing() throws Exception {
        AmiClient c = connected(config().build());
        AmiResponse pong = c.send(new Ping()).get(5, TimeUnit.SECONDS);
        assertThat(pong.message().text("Ping")).isEqualTo("Pong");
        assertThat(pong.message().text("Timestamp")).matches("\\d+\\.\\d+");
    }

    @Test
    void md5LoginAndPing() throws Exception {
        AmiClient c = connected(config().md5(true).build());
        assertThat(c.send(new Ping()).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void wrongSecretIsRefused() throws Exception {
        AmiClient c = new TcpAmiClient(config().credentials(user(), "not-the-secret").build());
        clients.add(c);
        assertThat(failure(c.connect())).isInstanceOf(AmiAuthenticationException.class)
                .hasMessageEndingWith("Authentication failed");
    }

    @Test
    void unknownActionIsAnErrorWithAsterisksMessage() throws Exception {
        AmiClient c = connected(config().eventMask("off").build());
        Throwable t = failure(c.send(GenericAction.of("FooBarBaz")));
        assertThat(t).isInstanceOf(AmiErrorResponseException.class);
        assertThat(((AmiErrorResponseException) t).asteriskMessage()).startsWith("Invalid/unknown command: FooBarBaz.");
    }

    @Test
    void listOfAMissingConferenceIsAnError() throws Exception {
        AmiClient c = connected(config().eventMask("off").build());
        Throwable t = failure(c.send(GenericAction.of("ConfbridgeList").with("Conference", "99" + freshConference())));
        assertThat(((AmiErrorResponseException) t).asteriskMessage())
                .isIn("No active conferences.", "No Conference by that name found.");
    }

    @Test
    void injectedLineBreaksNeverReachThePeer() throws Exception {
        AmiClient c = connected(config().eventMask("off").build());
        Originate evil = Originate.builder("Local/1001@phones").dialplan("confbridge", "700", 1)
                .callerId("x\r\n\r\nAction: Command\r\nCommand: core stop now").build();
        assertThat(failure(c.send(evil))).isInstanceOf(AmiEncodingException.class).hasMessageContaining("CallerID");
        assertThat(c.send(new Ping()).get(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void busyNumberFailsWithReason5AndItsChannelId() throws Exception {
        // OriginateResponse is a call-class event: with the mask off Asterisk would not send it
        AmiClient c = connected(config().eventMask("call").build());
        String id = UUID.randomUUID().toString();
        OriginateResponseEvent r = c.originate(Originate.builder("Local/8001@phones")
                .dialplan("confbridge-quiet", freshConference(), 1).channelId(id).build(), callTimeout())
                .get(callTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.reason()).isEqualTo(OriginateResponseEvent.REASON_BUSY);
        assertThat(r.uniqueid()).isEqualTo(id);
    }

    @Test
    void originateIntoAConferenceJoinsListsAndLeaves() throws Exception {
        List<AmiEvent> events = new CopyOnWriteArrayList<>();
        AmiClient c = connected(config().eventMask("call").build());
        c.addListener(events::add);
        String conference = freshConference();
        String id = UUID.randomUUID().toString();
        OriginateResponseEvent r = c.originate(Originate.builder("Local/1001@phones")
                .dialplan("confbridge-quiet", conference, 1).callerId("\"Alice\" <1001>").channelId(id).build(), callTimeout())
                .get(callTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.reason()).isEqualTo(OriginateResponseEvent.REASON_ANSWERED);
        AmiEvent join = awaitEvent(events, e -> e.name().equals("ConfbridgeJoin") && e.text("Uniqueid").equals(id));
        assertThat(join.text("Conference")).isEqualTo(conference);
        String channel = join.text("Channel");
        assertThat(channel).startsWith("Local/1001@phones-").endsWith(";1");

        AmiResponse list = c.send(GenericAction.of("ConfbridgeList").with("Conference", conference)).get(5, TimeUnit.SECONDS);
        assertThat(list.isEventList()).isTrue();
        assertThat(list.items()).extracting(e -> e.text("Channel")).contains(channel);
        assertThat(list.completion().orElseThrow().text("ListItems")).isEqualTo(Integer.toString(list.items().size()));

        c.send(GenericAction.of("Hangup").with("Channel", channel)).get(5, TimeUnit.SECONDS);
        awaitEvent(events, e -> e.name().equals("ConfbridgeLeave") && e.text("Uniqueid").equals(id));
        awaitEvent(events, e -> e.name().equals("ConfbridgeEnd") && e.text("Conference").equals(conference));
    }

    @Test
    void coreShowChannelsIsACompleteEventList() throws Exception {
        AmiClient c = connected(config().eventMask("off").build());
        AmiResponse r = c.send(GenericAction.of("CoreShowChannels")).get(5, TimeUnit.SECONDS);
        assertThat(r.isEventList()).isTrue();
        assertThat(r.completion().orElseThrow().name()).isEqualTo("CoreShowChannelsComplete");
        assertThat(r.items()).allMatch(e -> e.name().equals("CoreShowChannel"));
    }

    @Test
    void pipelinedPingsAllAnswer() throws Exception {
        AmiClient c = connected(config().eventMask("off").build());
        List<CompletableFuture<AmiResponse>> fs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            fs.add(c.send(new Ping()));
        }
        CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        assertThat(fs).allMatch(f -> f.join().message().text("Ping").equals("Pong"));
    }

    private AmiEvent awaitEvent(List<AmiEvent> events, Predicate<AmiEvent> match) throws InterruptedException {
        long end = System.nanoTime() + callTimeout().toNanos();
        while (System.nanoTime() < end) {
            for (AmiEvent e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no matching event within " + callTimeout() + "; got " + events.stream().map(AmiEvent::name).toList());
    }
}
