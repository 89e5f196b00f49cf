package org.confroom.ami.sim;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiMessage;

/**
 * A manager session over HTTP, named by its {@code mansession_id} cookie. Each request's responses form the
 * body of that request's answer; events wait in the session until {@code waitevent} fetches them (14, 28).
 */
final class HttpManagerSession extends ManagerSession {
    final String id;
    private final Pbx pbx;
    private final ActionRegistry actions;
    private final String local;
    private final String remote;
    private final ByteArrayOutputStream events = new ByteArrayOutputStream();
    /** Asterisk's send_events of an HTTP session: nothing until Login or Events asks for events, or a waitevent */
    private volatile boolean eventsRequested;
    private volatile boolean open = true;
    private volatile long lastUsedNanos = System.nanoTime();

    HttpManagerSession(String id, Pbx pbx, ActionRegistry actions, HttpRequest first) {
        this.id = id;
        this.pbx = pbx;
        this.actions = actions;
        this.local = "IPV4/TCP/127.0.0.1/" + first.localPort();
        this.remote = "IPV4/TCP/127.0.0.1/" + first.remotePort();
    }

    /** Runs an action on the PBX thread and returns the answer's body: its responses and list items. */
    byte[] run(AmiMessage request) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ActionContext ctx = new ActionContext(request, this, pbx, m -> body.writeBytes(AmiEncoder.encode(m)));
        pbx.execute(() -> actions.dispatch(ctx));
        try {
            ctx.done().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("action over HTTP did not complete", e);
        }
        return body.toByteArray();
    }

    /**
     * {@code waitevent}: answers as soon as at least one event is queued (at once if some already are), or
     * when the timeout ran out with none; the queued events come between the response and
     * {@code Event: WaitEventComplete} (14, 28).
     *
     * @param timeout the wait on the simulated clock, already scaled
     */
    byte[] waitEvents(AmiMessage request, Duration timeout) {
        eventsRequested = true;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ActionContext ctx = new ActionContext(request, this, pbx, m -> body.writeBytes(AmiEncoder.encode(m)));
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            try {
                long left;
                while (events.size() == 0 && open && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.success("Waiting for Event completed.");
            body.writeBytes(events.toByteArray());
            events.reset();
        }
        ctx.reply(ctx.listItem("WaitEventComplete").build());
        return body.toByteArray();
    }

    /** Everything sent to an HTTP session outside the answer to a request is an event: it waits for waitevent. */
    @Override
    synchronized void write(byte[] bytes) {
        events.writeBytes(bytes);
        notifyAll();
    }

    @Override
    void eventMask(Permissions mask) {
        super.eventMask(mask);
        eventsRequested = true;
    }

    /** A new HTTP session sends no events until asked (no FullyBooted in the answer to Login, 14, 28). */
    @Override
    boolean sendsEvents(EventClass eventClass) {
        return eventsRequested && super.sendsEvents(eventClass);
    }

    /** Logoff: the cookie is dead from now on. */
    @Override
    void closeAfterFlush() {
        open = false;
        pbx.bus.unregister(this);
        synchronized (this) {
            notifyAll();
        }
    }

    boolean isOpen() {
        return open;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /** @return true when the session was not used for longer than {@code timeout} */
    boolean idleLongerThan(Duration timeout) {
        return System.nanoTime() - lastUsedNanos > timeout.toNanos();
    }

    @Override
    String localAddress() {
        return local;
    }

    @Override
    String remoteAddress() {
        return remote;
    }
}
