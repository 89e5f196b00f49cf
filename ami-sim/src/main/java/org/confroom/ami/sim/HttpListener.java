package org.confroom.ami.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that writes its answers as Asterisk's {@code http.c} does (14, 16, 28):
 * one thread per connection, its requests answered one after the other and the connection kept alive until
 * the client sends {@code Connection: close}; the headers in Asterisk's order and spelling: {@code Server},
 * {@code Date}, {@code Connection: close} (only when closing), {@code Cache-Control}, the handler's own,
 * {@code Content-Length}. ({@code com.sun.net.httpserver} cannot do that: it re-cases names to
 * {@code Content-length} and orders them by hash.)
 */
final class HttpListener implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpListener.class.getName());
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    /** Answers one request; runs on the connection's thread and may block (waitevent). */
    @FunctionalInterface
    interface Handler {
        HttpReply handle(HttpRequest request);
    }

    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    HttpListener(Handler handler) {
        this.handler = handler;
    }

    /** Binds to 127.0.0.1 ({@code 0}: an ephemeral port) and starts accepting. */
    void start(int port) {
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            listener = ss;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for HTTP on 127.0.0.1:" + port, e);
        }
        daemon(this::acceptLoop, "ami-sim-http-accept-" + port()).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        ServerSocket ss = listener;
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                daemon(() -> serve(s), "ami-sim-http-" + s.getPort()).start();
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "HTTP accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (true) {
                HttpRequest request;
                try {
                    request = HttpRequest.read(in, s.getLocalPort(), s.getPort());
                } catch (HttpRequest.MalformedRequest e) {
                    LOG.log(System.Logger.Level.DEBUG, "bad HTTP request: " + e.getMessage());
                    write(out, HttpReply.error(400, "Bad Request", "Invalid request"), true);
                    return;
                }
                if (request == null) {
                    return;
                }
                boolean close = request.wantsClose();
                HttpReply reply;
                try {
                    reply = handler.handle(request);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "HTTP request " + request.path() + " failed", e);
                    reply = HttpReply.error(500, "Internal Server Error", "Internal Server Error");
                    close = true;
                }
                write(out, reply, close);
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP connection ended: " + e.getMessage());
        } finally {
            connections.remove(s);
        }
    }

    private static void write(OutputStream out, HttpReply reply, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(reply.reason()).append("\r\n")
                .append("Server: Asterisk\r\n")
                .append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("Cache-Control: no-cache, no-store\r\n");
        for (String[] h : reply.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(reply.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(reply.body());
        out.flush();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "HTTP listener close failed: " + e.getMessage());
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "HTTP connection close failed: " + e.getMessage());
            }
        }
    }
}
