package org.confroom.ami.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AMI TCP listener on 127.0.0.1: one {@link TcpSession} per connection. In the dying state of a restart
 * (27) it still accepts connections but closes them without a banner.
 */
final class ManagerServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ManagerServer.class.getName());

    private final Supplier<Pbx> pbx;
    private final ActionRegistry actions;
    private final Faults faults;
    private final WireInspector wire;
    private final Set<TcpSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean dying;
    private int port;

    ManagerServer(Supplier<Pbx> pbx, ActionRegistry actions, Faults faults, WireInspector wire) {
        this.pbx = pbx;
        this.actions = actions;
        this.faults = faults;
        this.wire = wire;
    }

    /** Binds (or binds again, on the same port, after a restart) and starts accepting. */
    synchronized void listen(int requestedPort) {
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 128);
            this.port = ss.getLocalPort();
            this.listener = ss;
            this.dying = false;
            Thread t = new Thread(() -> acceptLoop(ss), "ami-sim-accept-" + port);
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + requestedPort, e);
        }
    }

    int port() {
        return port;
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                if (dying) {
                    s.close();
                    continue;
                }
                TcpSession[] holder = new TcpSession[1];
                TcpSession session = new TcpSession(s, pbx.get(), actions, faults, wire, () -> sessions.remove(holder[0]));
                holder[0] = session;
                sessions.add(session);
                session.start();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
            }
        }
    }

    /** From now on, accepted connections are closed at once without a banner. */
    void dying() {
        dying = true;
    }

    /** Drops every connection at once. */
    void dropAll() {
        for (TcpSession s : sessions) {
            s.abort();
        }
    }

    /** Closes every connection once what is queued for it has been written. */
    void closeAllAfterFlush() {
        for (TcpSession s : sessions) {
            s.closeAfterFlush();
        }
    }

    /** Stops listening: new connections are refused. */
    synchronized void stopListening() {
        ServerSocket ss = listener;
        if (ss != null) {
            try {
                ss.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "listener close failed: " + e.getMessage());
            }
        }
    }

    int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        stopListening();
        dropAll();
    }
}
