package org.confroom.ami.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.confroom.ami.AmiConnectionException;
import org.confroom.ami.AmiException;
import org.confroom.ami.client.AmiClient;
import org.confroom.ami.client.AmiClientConfig;

/**
 * The {@code ami} command-line tool: ping, send any action, originate a call, watch events, over
 * TCP or the HTTP manager. {@link #run} does everything {@link #main} does except exiting, so the
 * tool is tested without a process. The secret comes from {@code AMI_SECRET} or a prompt, never
 * from the command line. Exit codes: see {@link ExitCode} and {@link #USAGE}.
 */
public final class AmiCli {
    /** The text of {@code ami --help}. */
    static final String USAGE = """
            usage: ami [options] COMMAND [arguments]

            commands:
              ping                           Ping; prints "Pong <timestamp> (<rtt> ms)"
              send ACTION [key=value]...     any action; prints the response, or the response, the
                                             list items and the completion of an event list,
                                             separated by blank lines; a key given twice is sent twice
              originate --channel DIAL (--context C --exten E [--priority P] | --application A [--data D])
                        [--caller-id CID] [--timeout SECONDS] [--var NAME=VALUE]... [--channel-id ID]
                                             asynchronous Originate; waits for its OriginateResponse
                                             (--timeout here is the ring time, default 30 s)
              events [--filter NAME]... [--count N]
                                             prints events as blocks; --filter keeps events of that
                                             name (case-insensitive, repeatable); --count stops after
                                             N events and prints "N events in S s (R events/s)" on stderr

            options (before or after the command):
              --host HOST        Asterisk host            (env AMI_HOST, default 127.0.0.1)
              --port PORT        AMI TCP port             (env AMI_PORT, default 5038)
              --user NAME        manager user             (env AMI_USER)
              --md5              Challenge/MD5 login: the secret does not cross the wire
              --tls              TCP with TLS (JDK trust store; the certificate must name the host)
              --http URL         use the HTTP manager instead of TCP, e.g. http://127.0.0.1:8088/rawman
              --timeout SECONDS  connect, login and action timeout (default 10)
              --help             this text

            The secret is read from AMI_SECRET or asked for on the terminal; --secret is refused.
            AMI_LOG=FINE prints the AMI wire (C:/S: lines, secret masked) and client logs on stderr.

            exit codes: 0 ok, 2 usage or refused input, 3 connection failure, 4 login refused,
                        5 Asterisk error response, 6 timeout or outcome unknown, 7 originate failed
            """;

    private AmiCli() {
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        configureLogging(System.getenv());
        System.exit(run(args, System.getenv(), System.out, System.err, ClientFactory.DEFAULT));
    }

    /**
     * Keeps library logs off the terminal, where they would break the one-line reasons: silent
     * unless {@code AMI_LOG} names a {@code java.util.logging} level ({@code AMI_LOG=FINE} shows the
     * wire as {@code C:}/{@code S:} lines). A logging configuration file given with
     * {@code -Djava.util.logging.config.file} is left alone.
     */
    static void configureLogging(Map<String, String> env) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        Level level = Level.OFF;
        String wanted = env.get("AMI_LOG");
        if (wanted != null && !wanted.isBlank()) {
            try {
                level = Level.parse(wanted.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                level = Level.FINE;
            }
        }
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }

    /**
     * Runs the tool without exiting; the secret is taken from {@code AMI_SECRET} or asked for on the
     * terminal.
     *
     * @param args command-line arguments
     * @param env environment ({@code AMI_HOST}, {@code AMI_PORT}, {@code AMI_USER}, {@code AMI_SECRET})
     * @param out where results go
     * @param err where one-line reasons go
     * @param factory makes the client
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, ClientFactory factory) {
        return run(args, env, out, err, factory, SecretSource.CONSOLE);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, ClientFactory factory,
                   SecretSource secrets) {
        CommandLineParser.Invocation invocation;
        try {
            invocation = CommandLineParser.parse(args, env);
        } catch (UsageException e) {
            err.println("ami: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (invocation instanceof CommandLineParser.Help) {
            out.print(USAGE);
            return ExitCode.OK;
        }
        CommandLineParser.Run run = (CommandLineParser.Run) invocation;
        ConnectionOptions options = run.options();
        Optional<String> secret = Optional.ofNullable(env.get("AMI_SECRET")).filter(s -> !s.isEmpty())
                .or(() -> secrets.secretFor(options.user()));
        if (secret.isEmpty()) {
            err.println("ami: no secret: set AMI_SECRET, or run ami in a terminal to be asked for it");
            return ExitCode.USAGE;
        }
        AmiClientConfig config;
        try {
            config = options.clientConfig(secret.get(), run.command().eventMask());
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("ami: " + oneLine(e.getMessage()));
            return ExitCode.USAGE;
        }
        try (AmiClient client = factory.create(config, options.rawmanUrl())) {
            connect(client, options);
            return run.command().run(client, options.timeout(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ami: interrupted");
            return ExitCode.INTERNAL;
        } catch (Exception e) {
            Throwable t = unwrap(e);
            err.println("ami: " + describe(t));
            return ExitCode.of(t);
        }
    }

    /** Connects and logs in; the client's own timeouts apply, this wait only guards against a hang. */
    private static void connect(AmiClient client, ConnectionOptions options) throws Exception {
        Duration wait = options.timeout().multipliedBy(2).plusSeconds(2);
        try {
            client.connect().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AmiConnectionException("no AMI connection to " + options.target() + " within " + wait.toSeconds() + " s");
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || c instanceof CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof AmiException || t instanceof IllegalArgumentException) {
            return oneLine(message);
        }
        return oneLine(t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
