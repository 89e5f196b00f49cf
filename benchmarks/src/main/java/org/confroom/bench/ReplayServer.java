package org.confroom.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;

/**
 * A loopback AMI server that replays recorded events. It sends the banner, answers {@code Challenge},
 * {@code Login} (any user), {@code Ping}, {@code CoreSettings}, {@code Events} and {@code Logoff}, and
 * after a successful Login streams the Event blocks of a {@link Transcript} {@code reps} times, as fast
 * as the client reads them. Responses are written between chunks of events (chunks end at event
 * boundaries), so a Ping answer waits for at most one chunk plus what the kernel already buffers.
 * Optionally the stream is paced at a fixed number of events per second.
 *
 * <p>Measured from the server's side, per connection: when the first event byte was handed to the
 * socket, when the last one was, and when the client's {@code BenchDone} action arrived (a client
 * sends it once its listener has seen every event it is going to see). Results are published when
 * the connection closes.
 */
public final class ReplayServer implements AutoCloseable {
    /** Per-connection measurements. */
    public record SessionResult(String run, long streamStartNanos, long streamWrittenNanos, long doneNanos,
                                long idleMicros, long eventsWritten, long bytesWritten, long pingsAnswered,
                                long actions) {
        /** @return server-side time from the first event byte to the client's done signal, less its reported idle time */
        public long consumeNanos() {
            return doneNanos - streamStartNanos - TimeUnit.MICROSECONDS.toNanos(idleMicros);
        }
    }

    private static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Object START_STREAM = new Object();

    private final Transcript transcript;
    private final ServerSocket server;
    private final BlockingQueue<SessionResult> results = new LinkedBlockingQueue<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Thread acceptor;
    private volatile long reps;
    private volatile long eventsPerSecond;

    /**
     * Binds to 127.0.0.1 on a free port and starts accepting.
     *
     * @param transcript what to replay
     * @param reps how many times each connection gets the transcript's events after its Login
     *     ({@link Long#MAX_VALUE}: until the client sends BenchDone)
     */
    public ReplayServer(Transcript transcript, long reps) throws IOException {
        this.transcript = transcript;
        this.reps = reps;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = new Thread(this::acceptLoop, "replay-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * Runs a replay server until killed, for trying clients by hand.
     *
     * @param args transcripts directory, transcript number or name, reps (0: answer actions only),
     *     port file (optional), events per second (optional, 0: as fast as the client reads)
     */
    public static void main(String[] args) throws Exception {
        Transcript t = Transcript.find(java.nio.file.Path.of(args[0]), args[1]);
        try (ReplayServer server = new ReplayServer(t, Long.parseLong(args[2]))) {
            if (args.length > 4) {
                server.pace(Long.parseLong(args[4]));
            }
            System.out.println("replaying " + t.name() + " (" + t.eventCount() + " events) x " + args[2]
                    + " on 127.0.0.1:" + server.port());
            if (args.length > 3) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[3]), Integer.toString(server.port()));
            }
            while (true) {
                SessionResult r = server.results.take();
                System.out.println(r + " consume ms " + r.consumeNanos() / 1e6);
            }
        }
    }

    /** @return the port on 127.0.0.1 */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the transcript being replayed */
    public Transcript transcript() {
        return transcript;
    }

    /** Sets how often later connections get the events. */
    public void reps(long reps) {
        this.reps = reps;
    }

    /** Paces the stream of later connections at this many events per second; 0 (the default): as fast as the client reads. */
    public void pace(long eventsPerSecond) {
        this.eventsPerSecond = eventsPerSecond;
    }

    /**
     * Waits for the result of a connection that sent {@code BenchDone} with {@code Run: run}.
     *
     * @return the result, or null when none arrived in time
     */
    public SessionResult awaitResult(String run, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = end - System.nanoTime();
            SessionResult r = results.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (r == null || r.run().equals(run)) {
                return r;
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Session session = new Session(s, reps);
                Thread t = new Thread(session::readLoop, "replay-session-" + sessions.incrementAndGet());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One client connection: a reader thread that answers actions, a writer thread that owns the socket's output. */
    private final class Session {
        private final Socket socket;
        private final long sessionReps;
        private final LinkedBlockingQueue<Object> toWrite = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream batch = new ByteArrayOutputStream(4096);
        private boolean startAfterBatch;
        private volatile boolean stopRequested;
        private volatile boolean closed;
        private String run = "";
        private long idleMicros;
        private long pings;
        private long actions;
        private volatile long streamStart;
        private volatile long streamWritten;
        private volatile long done;
        private volatile long eventsWritten;
        private volatile long bytesWritten;

        Session(Socket socket, long reps) {
            this.socket = socket;
            this.sessionReps = reps;
        }

        void readLoop() {
            Thread writer = new Thread(this::writeLoop, Thread.currentThread().getName() + "-writer");
            writer.setDaemon(true);
            writer.start();
            toWrite.add(BANNER);
            AmiDecoder decoder = AmiDecoder.withoutBanner();
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while (!closed && (n = in.read(buf)) > 0) {
                    decoder.feed(buf, 0, n, this::onFrame);
                    if (batch.size() > 0) {
                        toWrite.add(batch.toByteArray());
                        batch.reset();
                    }
                    if (startAfterBatch) {
                        startAfterBatch = false;
                        toWrite.add(START_STREAM);
                    }
                }
            } catch (IOException e) {
                // client gone
            }
            end();
            writer.interrupt();
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            results.add(new SessionResult(run, streamStart, streamWritten, done, idleMicros,
                    eventsWritten, bytesWritten, pings, actions));
        }

        private void end() {
            if (closed) {
                return;
            }
            closed = true;
            stopRequested = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void onFrame(AmiFrame frame) {
            if (!(frame instanceof AmiMessage m) || m.type() != MessageType.ACTION) {
                return;
            }
            actions++;
            String id = m.getOr("ActionID", null);
            switch (m.name().toLowerCase(Locale.ROOT)) {
                case "ping" -> {
                    pings++;
                    Instant now = Instant.now();
                    String micros = Integer.toString(1_000_000 + now.getNano() / 1000).substring(1);
                    respond("Success", id, "Ping", "Pong", "Timestamp", now.getEpochSecond() + "." + micros);
                }
                case "challenge" -> respond("Success", id, "Challenge", "840415273");
                case "login" -> {
                    respond("Success", id, "Message", "Authentication accepted");
                    if (sessionReps > 0 && streamStart == 0) {
                        startAfterBatch = true;
                    }
                }
                case "coresettings" -> respond("Success", id, "AMIversion", "11.0.0", "AsteriskVersion", "22.10.1",
                        "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "",
                        "CoreRunGroup", "", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No",
                        "CoreCDRenabled", "Yes", "CoreHTTPenabled", "Yes", "SoundsSearchCustomDir", "No");
                case "events" -> respond("Success", id, "Events", "On");
                case "benchdone" -> {
                    done = System.nanoTime();
                    stopRequested = true;
                    run = m.getOr("Run", "");
                    idleMicros = Long.parseLong(m.getOr("IdleUs", "0"));
                    respond("Success", id, "Message", "Done");
                }
                case "logoff" -> {
                    respond("Goodbye", id, "Message", "Thanks for all the fish.");
                    toWrite.add(batch.toByteArray());
                    batch.reset();
                    toWrite.add(this); // the writer closes the socket after the Goodbye
                }
                default -> respond("Error", id, "Message", "Invalid/unknown command");
            }
        }

        private void respond(String status, String actionId, String... headers) {
            StringBuilder sb = new StringBuilder(128).append("Response: ").append(status).append("\r\n");
            if (actionId != null) {
                sb.append("ActionID: ").append(actionId).append("\r\n");
            }
            for (int i = 0; i < headers.length; i += 2) {
                sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            sb.append("\r\n");
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            batch.write(b, 0, b.length);
        }

        private void writeLoop() {
            byte[] events = transcript.eventBytes();
            int chunks = transcript.chunkCount();
            boolean streaming = false;
            long rep = 0;
            int chunk = 0;
            long rate = eventsPerSecond;
            try {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                while (!closed) {
                    Object item;
                    long wait = streaming && rate > 0 ? due(rate) - System.nanoTime() : 0;
                    if (!streaming) {
                        item = toWrite.take();
                    } else if (wait > 0) {
                        // paced: answer actions while waiting for the next chunk's time
                        item = toWrite.poll(wait, TimeUnit.NANOSECONDS);
                    } else {
                        item = toWrite.poll();
                    }
                    boolean wrote = false;
                    while (item != null) {
                        if (item == START_STREAM) {
                            streaming = true;
                            streamStart = System.nanoTime();
                        } else if (item == this) {
                            out.flush();
                            end();
                            return;
                        } else {
                            out.write((byte[]) item);
                            wrote = true;
                        }
                        item = toWrite.poll();
                    }
                    if (streaming && stopRequested) {
                        streaming = false;
                        streamWritten = System.nanoTime();
                    }
                    if (streaming && (rate == 0 || due(rate) - System.nanoTime() <= 0)) {
                        int from = transcript.chunkStart(chunk);
                        int to = transcript.chunkEnd(chunk);
                        out.write(events, from, to - from);
                        out.flush();
                        eventsWritten += transcript.chunkEvents(chunk);
                        bytesWritten += to - from;
                        if (++chunk == chunks) {
                            chunk = 0;
                            rep++;
                        }
                        if (rep == sessionReps) {
                            streaming = false;
                            streamWritten = System.nanoTime();
                        }
                    } else if (wrote) {
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                // session ended
            } catch (IOException e) {
                end();
            }
        }

        /** @return when the next chunk is due at the paced rate */
        private long due(long rate) {
            return streamStart + (long) (eventsWritten * 1e9 / rate);
        }
    }
}
