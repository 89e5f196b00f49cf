package org.confroom.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * asterisk-java 3.41.0: a {@link ManagerConnection} from {@link ManagerConnectionFactory} with one
 * event listener, as its documentation shows. The event name is the event class's simple name without
 * the {@code Event} suffix; its own pseudo events (Connect, Disconnect) are counted apart.
 */
final class AsteriskJavaClient implements BenchClient {
    /** The pseudo events asterisk-java fires itself on connect and disconnect; not AMI events. */
    static final String PSEUDO_PREFIX = "(pseudo) ";

    private ManagerConnection connection;

    /** The action the replay server treats as "this run is over". */
    public static final class BenchDoneAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final long idleUs;

        BenchDoneAction(String run, long idleUs) {
            this.run = run;
            this.idleUs = idleUs;
        }

        @Override
        public String getAction() {
            return "BenchDone";
        }

        /** @return the run label, written as a header */
        public String getRun() {
            return run;
        }

        /** @return the listener's idle time before the signal, written as a header */
        public long getIdleUs() {
            return idleUs;
        }
    }

    @Override
    public void connect(int port, EventCounter events) throws Exception {
        connection = new ManagerConnectionFactory("127.0.0.1", port, "admin", "admin-secret").createManagerConnection();
        connection.addEventListener(event -> events.onEvent(name(event)));
        connection.login();
    }

    static String name(ManagerEvent event) {
        String n = event.getClass().getSimpleName();
        if (n.endsWith("Event") && n.length() > 5) {
            n = n.substring(0, n.length() - 5);
        }
        return event instanceof ConnectEvent || event instanceof DisconnectEvent ? PSEUDO_PREFIX + n : n;
    }

    @Override
    public void ping(long timeoutMillis) throws Exception {
        ManagerResponse r = connection.sendAction(new PingAction(), timeoutMillis);
        if (r == null) {
            throw new IllegalStateException("no Ping response");
        }
    }

    @Override
    public void pingPipelined(int n, long timeoutMillis) throws Exception {
        CountDownLatch all = new CountDownLatch(n);
        AtomicInteger errors = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            connection.sendAction(new PingAction(), response -> {
                if (response == null || "Error".equalsIgnoreCase(response.getResponse())) {
                    errors.incrementAndGet();
                }
                all.countDown();
            });
        }
        if (!all.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new java.util.concurrent.TimeoutException(all.getCount() + " of " + n + " Pings unanswered");
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " Pings failed");
        }
    }

    @Override
    public void done(String run, long idleMicros) throws Exception {
        connection.sendAction(new BenchDoneAction(run, idleMicros), 30_000);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
