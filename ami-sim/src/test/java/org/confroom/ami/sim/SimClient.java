package org.confroom.ami.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.Banner;
import org.confroom.ami.codec.MessageType;

/** A raw test client over a real socket: writes bytes or messages, collects every decoded frame. */
final class SimClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final List<AmiFrame> frames = new ArrayList<>();
    private volatile boolean closedByServer;

    SimClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        Thread t = new Thread(this::readLoop, "sim-client");
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        AmiDecoder decoder = AmiDecoder.forServerStream();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                List<AmiFrame> got = new ArrayList<>();
                decoder.feed(buf, 0, n, got::add);
                synchronized (this) {
                    frames.addAll(got);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // closed by either side
        }
        synchronized (this) {
            closedByServer = true;
            notifyAll();
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String... keysAndValues) throws IOException {
        write(AmiEncoder.encode(AmiMessage.of(keysAndValues)));
    }

    /** Sends an action and waits for its response (matched by ActionID). */
    AmiMessage action(String... keysAndValues) throws IOException, InterruptedException {
        AmiMessage m = AmiMessage.of(keysAndValues);
        String id = m.actionId().orElseThrow(() -> new IllegalArgumentException("needs an ActionID"));
        write(AmiEncoder.encode(m));
        return await(f -> f.type() == MessageType.RESPONSE && id.equals(f.actionId().orElse("")), Duration.ofSeconds(10));
    }

    void login(String user, String secret, String events) throws IOException, InterruptedException {
        AmiMessage r = action("Action", "Login", "ActionID", "login-setup", "Username", user, "Secret", secret,
                "Events", events);
        if (!r.name().equals("Success")) {
            throw new IllegalStateException("login failed: " + r);
        }
    }

    /** Waits for the first received message matching the predicate. */
    synchronized AmiMessage await(Predicate<AmiMessage> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (AmiFrame f : frames) {
                if (f instanceof AmiMessage m && p.test(m)) {
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closedByServer) {
                throw new AssertionError("no matching message within " + timeout + "; got " + messages().size()
                        + " messages" + (closedByServer ? " (closed)" : ""));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until the server closed the connection. */
    synchronized boolean awaitClose(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closedByServer) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int countResponses() {
        int n = 0;
        for (AmiFrame f : frames) {
            if (f instanceof AmiMessage m && m.type() == MessageType.RESPONSE) {
                n++;
            }
        }
        return n;
    }

    /** Waits until at least {@code n} responses arrived. */
    synchronized void awaitResponses(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (countResponses() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closedByServer) {
                throw new AssertionError("expected " + n + " responses, got " + countResponses());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<AmiMessage> messages() {
        List<AmiMessage> out = new ArrayList<>();
        for (AmiFrame f : frames) {
            if (f instanceof AmiMessage m) {
                out.add(m);
            }
        }
        return out;
    }

    synchronized String banner() {
        return frames.isEmpty() || !(frames.get(0) instanceof Banner b) ? null : b.text();
    }

    boolean closedByServer() {
        return closedByServer;
    }

    static String text(AmiMessage m) {
        return new String(AmiEncoder.encode(m), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
