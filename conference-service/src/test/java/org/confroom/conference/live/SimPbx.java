package org.confroom.conference.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.Hangup;
import org.confroom.ami.action.Originate;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;
import org.confroom.conference.testsupport.AmiSimTestResource;

/**
 * A second AMI connection to the simulator, as an admin "somebody else on the PBX": creates members and
 * two-party calls, and changes things behind the application's back (lock, hangup).
 */
public final class SimPbx implements AutoCloseable {
    /** How long tests wait for something to show. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final AmiClient ami;

    private SimPbx(AmiClient ami) {
        this.ami = ami;
    }

    /** @return a connected admin session to the test simulator */
    public static SimPbx connect() {
        AmiClient c = new TcpAmiClient(AmiClientConfig.builder(AmiSimTestResource.host(), AmiSimTestResource.port())
                .credentials(AmiSimTestResource.adminUser(), AmiSimTestResource.adminSecret()).eventMask("call").reconnect(false).name("test-admin").build());
        c.connect().orTimeout(10, TimeUnit.SECONDS).join();
        return new SimPbx(c);
    }

    /**
     * Calls {@code Local/<phone>@phones} into {@code confbridge-quiet,<room>} (joins at once).
     *
     * @return the member's channel (the {@code ;1} half)
     */
    public String joinQuiet(String room, String phone, String callerName) {
        return join("confbridge-quiet", room, phone, callerName);
    }

    /**
     * Calls {@code Local/<phone>@phones} into {@code <context>,<room>}; with {@code confbridge} (default_user)
     * the first member hears conf-onlyperson before it joins.
     *
     * @return the member's channel (the {@code ;1} half)
     */
    public String join(String context, String room, String phone, String callerName) {
        return originate(Originate.builder("Local/" + phone + "@phones").dialplan(context, room, 1)
                .callerId("\"" + callerName + "\" <" + phone + ">").build());
    }

    /**
     * Starts a two-party call: {@code Local/<from>@phones} runs {@code calls,<to>}, which dials
     * {@code Local/<to>@phones} (transcript 10).
     *
     * @return the calling channel (the A leg)
     */
    public String twoPartyCall(String from, String to, String callerName) {
        return originate(Originate.builder("Local/" + from + "@phones").dialplan("calls", to, 1)
                .callerId("\"" + callerName + "\" <" + from + ">").build());
    }

    /** @return the response; fails the test on an error response */
    public AmiResponse send(AmiAction action) {
        return ami.send(action).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Hangs up a channel. */
    public void hangup(String channel) {
        send(Hangup.of(channel));
    }

    /**
     * Hangs up a channel as soon as an event matches (once), from the event thread without waiting: for
     * "right after the Redirect" races that must not depend on how fast the test thread runs.
     */
    public void hangupOn(Predicate<AmiEvent> match, String channel) {
        onEvent(match, () -> ami.send(Hangup.of(channel)));
    }

    /** Runs {@code action} on the event thread the first time an event matches; it must not block. */
    public void onEvent(Predicate<AmiEvent> match, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        ami.addListener(event -> {
            if (match.test(event) && done.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    /** Waits until the condition holds, polling every 20 ms; fails with {@code what} after {@link #WAIT}. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** Waits until the supplier returns a non-null value and returns it. */
    public static <T> T awaitValue(String what, Supplier<T> value) {
        Object[] holder = new Object[1];
        await(what, () -> (holder[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T out = (T) holder[0];
        return out;
    }

    private String originate(Originate o) {
        OriginateResponseEvent r = ami.originate(o, Duration.ofSeconds(10)).orTimeout(15, TimeUnit.SECONDS).join();
        if (!r.isSuccess()) {
            throw new AssertionError("originate failed: " + r.reasonText());
        }
        return r.channel();
    }

    @Override
    public void close() {
        ami.close();
    }
}
