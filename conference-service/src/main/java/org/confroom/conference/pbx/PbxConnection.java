package org.confroom.conference.pbx;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionListener;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.client.TcpAmiClient;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MalformedMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.config.ConfroomConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The AMI connection to the configured PBX, kept open (reconnecting with backoff) for the life of
 * the application. Services register their listeners here before it connects, so they see every
 * event and every connection change from the first one on.
 */
@ApplicationScoped
public class PbxConnection {
    private static final System.Logger LOG = System.getLogger(PbxConnection.class.getName());

    @Inject
    ConfroomConfig config;

    private final List<AmiEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private volatile AmiClient client;
    private volatile ConnectionEvent last;

    void onStart(@Observes @Priority(100) StartupEvent e) {
        if (config.pbx().enabled()) {
            start();
        } else {
            LOG.log(Level.WARNING, "confroom.pbx.enabled=false: no PBX connection, nothing will be dialled");
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        stop();
    }

    /** Opens the connection (idempotent); the first connect runs in the background. */
    public synchronized void start() {
        if (client != null) {
            return;
        }
        ConfroomConfig.Pbx p = config.pbx();
        AmiClientConfig.Builder b = AmiClientConfig.builder(p.host(), p.port())
                .credentials(p.username(), p.secret().orElse(""))
                .md5(p.md5()).tls(p.tls())
                .eventMask(p.eventMask())
                .actionTimeout(p.actionTimeout())
                .name("pbx-" + p.name());
        TcpAmiClient c = new TcpAmiClient(b.build());
        c.addListener(new Fanout());
        c.addConnectionListener(e -> {
            last = e;
            for (ConnectionListener l : connectionListeners) {
                l.onConnectionEvent(e);
            }
        });
        client = c;
        c.connect().whenComplete((ok, err) -> {
            if (err != null) {
                LOG.log(Level.ERROR, "PBX " + p.name() + " at " + p.host() + ":" + p.port() + ": " + err.getMessage());
            }
        });
    }

    /** Closes the connection (logoff). */
    public synchronized void stop() {
        AmiClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    /**
     * @return the client, ready or not
     * @throws PbxCommandException when no PBX is configured
     */
    public AmiClient client() {
        AmiClient c = client;
        if (c == null) {
            throw new PbxCommandException("no PBX connection (confroom.pbx.enabled is false or the application is stopping)", null);
        }
        return c;
    }

    /** @return true when logged in and able to send actions */
    public boolean ready() {
        AmiClient c = client;
        return c != null && c.state() == ConnectionState.READY;
    }

    /** @return the current state (NEW when no connection exists) */
    public ConnectionState state() {
        AmiClient c = client;
        return c == null ? ConnectionState.NEW : c.state();
    }

    /** @return connected and authenticated, or why not */
    public PbxHealth health() {
        ConfroomConfig.Pbx p = config.pbx();
        String where = p.username() + "@" + p.host() + ":" + p.port();
        if (!p.enabled()) {
            return new PbxHealth(false, ConnectionState.NEW, "PBX connection disabled (confroom.pbx.enabled=false)");
        }
        ConnectionState s = state();
        if (s == ConnectionState.READY) {
            return new PbxHealth(true, s, "connected and authenticated as " + where);
        }
        String why = Optional.ofNullable(last).flatMap(ConnectionEvent::failure).map(Throwable::getMessage).orElse("connecting");
        return new PbxHealth(false, s, s + " (" + where + "): " + why);
    }

    /** Adds an event listener; it runs on the AMI event thread and must not block. */
    public void addListener(AmiEventListener l) {
        listeners.add(l);
    }

    /** Adds a connection state listener; it runs on the AMI event thread. */
    public void addConnectionListener(ConnectionListener l) {
        connectionListeners.add(l);
    }

    /**
     * Connected and authenticated, or why not.
     *
     * @param up true when actions can be sent
     * @param state the connection state
     * @param detail a sentence for operators
     */
    public record PbxHealth(boolean up, ConnectionState state, String detail) {
    }

    /** Hands every callback to every registered listener; one failing listener does not starve the others. */
    private final class Fanout implements AmiEventListener {
        @Override
        public void onEvent(AmiEvent event) {
            for (AmiEventListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "listener " + l + " failed on " + event.name(), e);
                }
            }
        }

        @Override
        public void onEventsLost(long lost, long totalLost) {
            listeners.forEach(l -> l.onEventsLost(lost, totalLost));
        }

        @Override
        public void onUnmatched(AmiMessage message) {
            listeners.forEach(l -> l.onUnmatched(message));
        }

        @Override
        public void onMalformed(MalformedMessage malformed) {
            listeners.forEach(l -> l.onMalformed(malformed));
        }
    }
}
