package org.confroom.ami.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.confroom.ami.codec.AmiDecoder;
import org.confroom.ami.codec.AmiFrame;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MalformedMessage;

/**
 * One AMI connection over TCP. A reader thread decodes actions and hands them to the PBX thread one at a
 * time, as Asterisk handles a session's actions in order; a writer thread sends responses and events from
 * an unbounded queue (Asterisk also buffers for a slow client).
 */
final class TcpSession extends ManagerSession {
    private static final System.Logger LOG = System.getLogger(TcpSession.class.getName());
    private static final byte[] BANNER = "Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = new byte[0];

    private final Socket socket;
    private final Pbx pbx;
    private final ActionRegistry actions;
    private final Faults faults;
    private final WireInspector wire;
    private final Runnable onClose;
    private final LinkedBlockingQueue<byte[]> out = new LinkedBlockingQueue<>();
    private volatile boolean closing;
    private volatile boolean closed;

    TcpSession(Socket socket, Pbx pbx, ActionRegistry actions, Faults faults, WireInspector wire, Runnable onClose) {
        this.socket = socket;
        this.pbx = pbx;
        this.actions = actions;
        this.faults = faults;
        this.wire = wire;
        this.onClose = onClose;
    }

    void start() {
        pbx.bus.register(this);
        write(BANNER);
        Thread writer = new Thread(this::writeLoop, "ami-sim-writer-" + socket.getPort());
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(this::readLoop, "ami-sim-reader-" + socket.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    void write(byte[] bytes) {
        if (!closing) {
            out.add(bytes);
        }
    }

    @Override
    void closeAfterFlush() {
        if (!closing) {
            out.add(CLOSE);
            closing = true;
        }
    }

    @Override
    String localAddress() {
        return "IPV4/TCP/127.0.0.1/" + socket.getLocalPort();
    }

    @Override
    String remoteAddress() {
        return "IPV4/TCP/127.0.0.1/" + socket.getPort();
    }

    private void readLoop() {
        AmiDecoder decoder = AmiDecoder.withoutBanner();
        byte[] buf = new byte[16 * 1024];
        List<AmiFrame> frames = new ArrayList<>();
        WireInspector.Scan scan = wire.newScan();
        try {
            // not try-with-resources: closing the stream would close the socket before the writer flushed
            InputStream in = socket.getInputStream();
            while (!closing) {
                faults.awaitReading();
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                // a stall that began while this thread sat in read() holds what just arrived
                faults.awaitReading();
                scan.scan(buf, n);
                decoder.feed(buf, 0, n, frames::add);
                for (AmiFrame f : frames) {
                    if (f instanceof AmiMessage m && !closing) {
                        wire.action();
                        handle(m);
                    } else if (f instanceof MalformedMessage mm) {
                        wire.malformed(mm.reason());
                    }
                }
                frames.clear();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "AMI connection " + remoteAddress() + " ended: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!closing) {
                abort();
            }
        }
    }

    private void handle(AmiMessage m) throws InterruptedException {
        ActionContext ctx = new ActionContext(m, this, pbx);
        pbx.execute(() -> actions.dispatch(ctx));
        try {
            ctx.done().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("action failed", e);
        }
    }

    private void writeLoop() {
        try {
            OutputStream os = socket.getOutputStream();
            while (true) {
                byte[] b = out.take();
                if (b == CLOSE) {
                    break;
                }
                long delay = faults.writeDelayMillis();
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                faults.writeObserver().written(socket.getPort(), b, System.nanoTime());
                os.write(b);
                if (out.isEmpty()) {
                    os.flush();
                }
            }
            os.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "AMI write to " + remoteAddress() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            abort();
        }
    }

    /** Drops the connection at once, without flushing. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        pbx.bus.unregister(this);
        out.clear();
        out.add(CLOSE);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: " + e.getMessage());
        }
        onClose.run();
    }
}
