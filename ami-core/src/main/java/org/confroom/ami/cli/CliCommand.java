package org.confroom.ami.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiEventListener;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.client.ConnectionEvent;
import org.confroom.ami.client.ConnectionState;
import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;
import org.confroom.ami.event.OriginateResponseEvent;

/**
 * One command of the {@code ami} tool, run on a connected client. Failures of the client propagate
 * as exceptions and are turned into exit codes by {@link AmiCli}; a command returns the code of an
 * outcome that is not an exception (a failed Originate).
 */
sealed interface CliCommand {
    /** @return the event mask to log in with: only what the command needs */
    String eventMask();

    /**
     * @param client a READY client
     * @param timeout the {@code --timeout} of the command line (the client's action timeout)
     * @param out results
     * @param err progress and reasons
     * @return the exit code
     * @throws Exception a client failure (mapped by {@link ExitCode#of})
     */
    int run(AmiClient client, Duration timeout, PrintStream out, PrintStream err) throws Exception;

    /** Prints a message as {@code Key: value} lines. */
    static void print(PrintStream out, AmiMessage message) {
        out.print(message);
    }

    /** {@code ami ping}: prints {@code Pong <timestamp> (<rtt> ms)}. */
    record Ping() implements CliCommand {
        @Override
        public String eventMask() {
            return "off";
        }

        @Override
        public int run(AmiClient client, Duration timeout, PrintStream out, PrintStream err) throws Exception {
            long start = System.nanoTime();
            AmiResponse pong = client.send(new org.confroom.ami.action.Ping()).get();
            double ms = (System.nanoTime() - start) / 1e6;
            out.println(pong.message().getOr("Ping", "Pong") + " " + pong.message().getOr("Timestamp", "-")
                    + String.format(Locale.ROOT, " (%.1f ms)", ms));
            return ExitCode.OK;
        }
    }

    /**
     * {@code ami send ACTION key=value...}: prints the response, or the whole event list (response,
     * items, completion) as blocks separated by blank lines.
     *
     * @param action the action with its headers in command-line order
     */
    record Send(GenericAction action) implements CliCommand {
        @Override
        public String eventMask() {
            return "off";
        }

        @Override
        public int run(AmiClient client, Duration timeout, PrintStream out, PrintStream err) throws Exception {
            AmiResponse response = client.send(action).get();
            print(out, response.message());
            for (AmiEvent item : response.items()) {
                out.println();
                print(out, item.message());
            }
            if (response.completion().isPresent()) {
                out.println();
                print(out, response.completion().get().message());
            }
            return ExitCode.OK;
        }
    }

    /**
     * {@code ami originate ...}: waits for the OriginateResponse.
     *
     * @param originate the Originate (async)
     * @param ringTimeout how long the call may ring; the wait for the OriginateResponse adds {@code --timeout}
     */
    record Originate(org.confroom.ami.action.Originate originate, Duration ringTimeout) implements CliCommand {
        /** Asterisk's own default ring timeout. */
        static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

        @Override
        public String eventMask() {
            return "call"; // OriginateResponse is a call-class event; with events off it never comes
        }

        @Override
        public int run(AmiClient client, Duration timeout, PrintStream out, PrintStream err) throws Exception {
            Duration wait = ringTimeout.plus(timeout);
            OriginateResponseEvent r = client.originate(originate, wait).get();
            String where = "channel " + r.channel() + ", uniqueid " + r.uniqueid();
            if (r.isSuccess()) {
                out.println("Originate " + r.reasonText() + ": " + where);
                return ExitCode.OK;
            }
            err.println("ami: originate failed: " + r.reasonText() + " (Reason " + r.text("Reason") + ", " + where + ")");
            return ExitCode.ORIGINATE_FAILED;
        }
    }

    /**
     * {@code ami events [--filter NAME]... [--count N]}: prints events as blocks until N matched
     * (then {@code N events in S s (R events/s)} on stderr) or until the connection ends.
     *
     * @param names lower-cased event names to print; empty prints all
     * @param count stop after this many
     */
    record Events(Set<String> names, OptionalLong count) implements CliCommand {
        @Override
        public String eventMask() {
            return "on";
        }

        private boolean matches(AmiEvent e) {
            return names.isEmpty() || names.contains(e.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public int run(AmiClient client, Duration timeout, PrintStream out, PrintStream err) throws Exception {
            BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
            client.addConnectionListener(change -> {
                ConnectionState s = change.state();
                if (s == ConnectionState.CLOSED || s == ConnectionState.RECONNECTING || s == ConnectionState.AUTHENTICATION_REFUSED) {
                    queue.add(change);
                }
            });
            client.addListener(new AmiEventListener() {
                @Override
                public void onEvent(AmiEvent event) {
                    if (matches(event)) {
                        queue.add(event);
                    }
                }

                @Override
                public void onEventsLost(long lost, long totalLost) {
                    err.println("ami: " + lost + " events dropped (client queue full), " + totalLost + " in total");
                }
            });
            long start = System.nanoTime();
            long seen = 0;
            long limit = count.orElse(Long.MAX_VALUE);
            while (seen < limit) {
                Object item = queue.poll(1, TimeUnit.SECONDS);
                if (item == null) {
                    if (client.state() != ConnectionState.READY) {
                        throw new AmiConnectionException("AMI connection ended (" + client.state() + ")");
                    }
                    continue;
                }
                if (item instanceof ConnectionEvent change) {
                    throw change.cause() instanceof Exception e ? e
                            : new AmiConnectionException("AMI connection ended (" + change.state() + ")");
                }
                print(out, ((AmiEvent) item).message());
                out.println();
                out.flush();
                seen++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            err.println(String.format(Locale.ROOT, "%d events in %.2f s (%.1f events/s)", seen, secs,
                    seen / Math.max(secs, 1e-6)));
            return ExitCode.OK;
        }
    }
}
