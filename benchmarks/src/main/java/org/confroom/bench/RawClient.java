package org.confroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The floor: a socket reader that only counts message ends (blank lines), no decoding at all. Every
 * message after the Login response counts as one event named {@code *}.
 */
final class RawClient implements BenchClient {
    private Socket socket;
    private Thread reader;
    /** Message ends seen so far, published as each one is counted. */
    private final java.util.concurrent.atomic.AtomicLong messageEnds = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void connect(int port, EventCounter events) throws Exception {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write("Action: Login\r\nActionID: 1\r\nUsername: admin\r\nSecret: admin-secret\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        reader = new Thread(() -> readLoop(in, events), "raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(InputStream in, EventCounter events) {
        byte[] buf = new byte[64 * 1024];
        int lineLength = 0;
        long ends = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (lineLength == 0) {
                            ends++;
                            messageEnds.lazySet(ends);
                            // the first message end is the Login response; the banner line is not a blank line
                            if (ends > 1) {
                                events.onEvent("*");
                            }
                        }
                        lineLength = 0;
                    } else if (b != '\r') {
                        lineLength++;
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void ping(long timeoutMillis) {
        throw new UnsupportedOperationException("the raw reader only counts");
    }

    @Override
    public void pingPipelined(int n, long timeoutMillis) {
        throw new UnsupportedOperationException("the raw reader only counts");
    }

    @Override
    public void done(String run, long idleMicros) throws Exception {
        // every event is counted already (that is why we are done), so the answer is the next message end
        long answered = messageEnds.get() + 1;
        OutputStream out = socket.getOutputStream();
        out.write(("Action: BenchDone\r\nActionID: 2\r\nRun: " + run + "\r\nIdleUs: " + idleMicros + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long end = System.currentTimeMillis() + 10_000;
        while (messageEnds.get() < answered && System.currentTimeMillis() < end) {
            Thread.sleep(1);
        }
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }
}
