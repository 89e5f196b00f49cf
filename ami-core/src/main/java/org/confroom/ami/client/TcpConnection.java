package org.confroom.ami.client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.Banner;
import org.confroom.ami.codec.MalformedMessage;

/**
 * One TCP (or TLS) connection to Asterisk: a reader thread that connects, waits for the banner and
 * decodes frames, and a writer thread that drains queued messages in batches (one flush per batch,
 * so pipelined actions share system calls). It ends exactly once, reporting the cause.
 */
final class TcpConnection {
    /** What the connection reports to its client, on the reader thread (onClosed on any thread). */
    interface Handler {
        void onBanner(TcpConnection connection, Banner banner);

        void onMessage(TcpConnection connection, AmiMessage message);

        void onMalformed(TcpConnection connection, MalformedMessage malformed);

        /** @return false to have an event without ActionID skipped before it is built (see {@link AmiDecoder.FrameSink#wantsEvent}) */
        boolean wantsEvent(TcpConnection connection, String name);

        /** Everything decoded from one read of the socket has been reported. */
        void onInputDecoded(TcpConnection connection);

        void onClosed(TcpConnection connection, Throwable cause);
    }

    private record Outgoing(byte[] bytes, PendingAction action) {
    }

    private final AmiClientConfig config;
    private final Handler handler;
    private final String label;
    private final AmiDecoder decoder;
    private final LinkedBlockingQueue<Outgoing> outgoing = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private volatile Thread writer;
    private volatile Socket socket;
    private boolean bannerSeen;

    TcpConnection(AmiClientConfig config, int number, Handler handler) {
        this.config = config;
        this.handler = handler;
        this.label = config.name() + "#" + number;
        this.decoder = new AmiDecoder(config.decoderLimits(), true);
        this.reader = new Thread(this::readLoop, "ami-" + label + "-reader");
        this.reader.setDaemon(true);
    }

    String label() {
        return label;
    }

    void start() {
        reader.start();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Queues a message; if the connection is already closed it is silently not written (the caller checks). */
    void enqueue(byte[] bytes, PendingAction action) {
        outgoing.add(new Outgoing(bytes, action));
    }

    /** Ends the connection with a cause; idempotent, only the first cause is reported. */
    void terminate(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread w = writer;
        if (w != null) {
            w.interrupt();
        }
        outgoing.clear();
        handler.onClosed(this, cause);
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        socket = s;
        if (closed.get()) {
            s.close();
            throw new IOException("closed while connecting");
        }
        int timeout = (int) config.connectTimeout().toMillis();
        s.connect(new InetSocketAddress(config.host(), config.port()), timeout);
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(timeout);
        if (!config.tls()) {
            return s;
        }
        SSLSocketFactory factory = config.sslSocketFactory() != null ? config.sslSocketFactory()
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        // layered on the connected socket so that the host name is known for SNI and verification
        SSLSocket ssl = (SSLSocket) factory.createSocket(s, config.host(), config.port(), true);
        socket = ssl;
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(timeout);
        ssl.startHandshake();
        return ssl;
    }

    private void readLoop() {
        Throwable cause;
        try {
            Socket s = open();
            OutputStream out = s.getOutputStream();
            Thread w = new Thread(() -> writeLoop(out), "ami-" + label + "-writer");
            w.setDaemon(true);
            writer = w;
            w.start();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            AmiDecoder.FrameSink sink = new AmiDecoder.FrameSink() {
                @Override
                public void accept(AmiFrame frame) {
                    onFrame(frame);
                }

                @Override
                public boolean wantsEvent(String name) {
                    return handler.wantsEvent(TcpConnection.this, name);
                }
            };
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    decoder.endOfInput(sink);
                    cause = new AmiConnectionException(bannerSeen ? "Asterisk closed the connection (" + label + ")"
                            : "connection closed before the AMI banner arrived (" + label + ")");
                    break;
                }
                decoder.feed(buf, 0, n, sink);
                handler.onInputDecoded(this);
            }
        } catch (SocketTimeoutException e) {
            cause = new AmiConnectionException("no AMI banner from " + config.host() + ":" + config.port()
                    + " within " + config.connectTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            cause = closed.get() ? new AmiConnectionException("connection closed (" + label + ")")
                    : new AmiConnectionException("AMI connection to " + config.host() + ":" + config.port()
                    + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            cause = new AmiConnectionException("AMI reader failed on " + label + ": " + e, e);
        }
        terminate(cause);
    }

    private void onFrame(AmiFrame frame) {
        if (WireLog.enabled()) {
            WireLog.received(label, frame);
        }
        if (frame instanceof AmiMessage m) {
            handler.onMessage(this, m);
        } else if (frame instanceof Banner b && !bannerSeen) {
            bannerSeen = true;
            try {
                socket.setSoTimeout(0);
            } catch (IOException e) {
                terminate(new AmiConnectionException("cannot clear the banner timeout: " + e.getMessage(), e));
                return;
            }
            handler.onBanner(this, b);
        } else if (frame instanceof MalformedMessage mm) {
            handler.onMalformed(this, mm);
        }
    }

    private void writeLoop(OutputStream raw) {
        BufferedOutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        List<Outgoing> batch = new ArrayList<>(256);
        boolean log = WireLog.enabled();
        try {
            while (!closed.get()) {
                batch.add(outgoing.take());
                outgoing.drainTo(batch, 4096);
                for (Outgoing o : batch) {
                    if (o.action() != null && !o.action().takeForWriting()) {
                        continue; // given up as "not sent" by a sender that saw the connection closing
                    }
                    out.write(o.bytes());
                    if (log) {
                        WireLog.sent(label, o.bytes());
                    }
                }
                out.flush();
                batch.clear();
            }
        } catch (InterruptedException e) {
            // terminate() interrupts the writer
        } catch (IOException e) {
            terminate(new AmiConnectionException("writing to " + label + " failed: " + e.getMessage(), e));
        }
    }
}
