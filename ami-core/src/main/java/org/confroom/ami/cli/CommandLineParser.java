package org.confroom.ami.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.GenericAction;
import org.confroom.ami.action.HeaderWriter;
import org.confroom.ami.action.Originate;
import org.confroom.ami.codec.AmiEncoder;
import org.confroom.ami.http.HttpAmiClientConfig;

/**
 * Hand-written parser of {@code ami [options] COMMAND [arguments]}. Connection options may come
 * before or after the command; within {@code originate}, {@code --timeout} is the ring timeout, so
 * the action timeout must then come before the command. Every header value is checked with
 * {@link AmiEncoder#validate} here, so refused input fails before any connection is made.
 */
final class CommandLineParser {
    private static final String SECRET_REFUSED = "--secret is not accepted: a secret on the command line shows in ps"
            + " and in the shell history; set AMI_SECRET or type it at the prompt";

    /** What the command line asks for. */
    sealed interface Invocation permits Help, Run {
    }

    /** {@code --help}. */
    record Help() implements Invocation {
    }

    /**
     * A command to run.
     *
     * @param options where to connect
     * @param command what to do
     */
    record Run(ConnectionOptions options, CliCommand command) implements Invocation {
    }

    private final Map<String, String> env;
    private String host;
    private String port;
    private String user;
    private boolean md5;
    private boolean tls;
    private String http;
    private String timeout;

    private CommandLineParser(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param args the arguments
     * @param env the environment ({@code AMI_HOST}, {@code AMI_PORT}, {@code AMI_USER})
     * @return help or a command with its options
     * @throws UsageException for anything wrong, with a message saying what
     */
    static Invocation parse(String[] args, Map<String, String> env) throws UsageException {
        for (String a : args) {
            if (a.equals("--secret") || a.startsWith("--secret=")) {
                throw new UsageException(SECRET_REFUSED);
            }
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return new Help();
            }
        }
        return new CommandLineParser(env).parse(new Args(args));
    }

    private Invocation parse(Args args) throws UsageException {
        String command = null;
        while (args.more() && command == null) {
            String a = args.take();
            if (a.startsWith("-")) {
                globalOption(a, args);
            } else {
                command = a;
            }
        }
        if (command == null) {
            throw new UsageException("no command given: ping, send, originate or events (ami --help)");
        }
        CliCommand parsed = switch (command) {
            case "ping" -> ping(args);
            case "send" -> send(args);
            case "originate" -> originate(args);
            case "events" -> events(args);
            default -> throw new UsageException("unknown command '" + command + "': ping, send, originate or events (ami --help)");
        };
        return new Run(options(), parsed);
    }

    // ---- connection options ------------------------------------------------------------------

    private void globalOption(String a, Args args) throws UsageException {
        switch (Args.name(a)) {
            case "--host" -> host = args.value(a);
            case "--port" -> port = args.value(a);
            case "--user" -> user = args.value(a);
            case "--http" -> http = args.value(a);
            case "--timeout" -> timeout = args.value(a);
            case "--md5" -> md5 = Args.flag(a);
            case "--tls" -> tls = Args.flag(a);
            default -> throw new UsageException("unknown option " + Args.name(a) + " (ami --help)");
        }
    }

    private ConnectionOptions options() throws UsageException {
        String h = firstOf(host, env.get("AMI_HOST"), "127.0.0.1");
        String p = firstOf(port, env.get("AMI_PORT"), "5038");
        int portNumber;
        try {
            portNumber = Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            portNumber = -1;
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new UsageException("port must be a number from 1 to 65535, was '" + p + "'");
        }
        String u = firstOf(user, env.get("AMI_USER"), "");
        if (u.isBlank()) {
            throw new UsageException("no AMI user: use --user NAME or set AMI_USER");
        }
        Optional<URI> url = Optional.empty();
        if (http != null) {
            if (tls) {
                throw new UsageException("--tls is for TCP; for HTTP use an https:// URL with --http");
            }
            url = Optional.of(rawmanUrl(http));
        }
        Duration t = timeout == null ? ConnectionOptions.DEFAULT_TIMEOUT : seconds("--timeout", timeout);
        return new ConnectionOptions(h, portNumber, u, md5, tls, url, t);
    }

    private static URI rawmanUrl(String text) throws UsageException {
        try {
            URI url = new URI(text);
            HttpAmiClientConfig.clientConfig(url); // checks scheme, host and the /rawman path
            return url;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--http: " + e.getMessage() + " (example: http://127.0.0.1:8088/rawman)");
        }
    }

    private static String firstOf(String option, String fromEnv, String fallback) {
        if (option != null) {
            return option;
        }
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    // ---- commands ----------------------------------------------------------------------------

    private CliCommand ping(Args args) throws UsageException {
        while (args.more()) {
            String a = args.take();
            if (!a.startsWith("-")) {
                throw new UsageException("ping takes no arguments, got '" + a + "'");
            }
            globalOption(a, args);
        }
        return new CliCommand.Ping();
    }

    private CliCommand send(Args args) throws UsageException {
        String action = null;
        List<String[]> headers = new ArrayList<>();
        while (args.more()) {
            String a = args.take();
            if (a.startsWith("--")) {
                globalOption(a, args);
            } else if (action == null) {
                action = a;
            } else {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    throw new UsageException("send: expected key=value, got '" + a + "'");
                }
                headers.add(new String[] {a.substring(0, eq), a.substring(eq + 1)});
            }
        }
        if (action == null) {
            throw new UsageException("send: which action? for example: ami send CoreShowChannels");
        }
        GenericAction generic = GenericAction.of(action);
        try {
            for (String[] h : headers) {
                generic = generic.with(h[0], h[1]);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("send: " + e.getMessage());
        }
        validate(generic);
        return new CliCommand.Send(generic);
    }

    private CliCommand originate(Args args) throws UsageException {
        String channel = null;
        String context = null;
        String exten = null;
        String priority = null;
        String application = null;
        String data = null;
        String callerId = null;
        String ring = null;
        String channelId = null;
        List<String> variables = new ArrayList<>();
        while (args.more()) {
            String a = args.take();
            switch (Args.name(a)) {
                case "--channel" -> channel = args.value(a);
                case "--context" -> context = args.value(a);
                case "--exten" -> exten = args.value(a);
                case "--priority" -> priority = args.value(a);
                case "--application" -> application = args.value(a);
                case "--data" -> data = args.value(a);
                case "--caller-id" -> callerId = args.value(a);
                case "--timeout" -> ring = args.value(a);
                case "--var" -> variables.add(args.value(a));
                case "--channel-id" -> channelId = args.value(a);
                default -> {
                    if (!a.startsWith("-")) {
                        throw new UsageException("originate: unexpected argument '" + a + "'");
                    }
                    globalOption(a, args);
                }
            }
        }
        if (channel == null) {
            throw new UsageException("originate needs --channel DIAL, for example --channel Local/1001@phones");
        }
        boolean dialplan = context != null || exten != null || priority != null;
        if (dialplan == (application != null)) {
            throw new UsageException("originate needs either --context C --exten E [--priority P] or --application A [--data D]");
        }
        if (dialplan && (context == null || exten == null)) {
            throw new UsageException("originate needs both --context and --exten");
        }
        if (data != null && application == null) {
            throw new UsageException("--data goes with --application");
        }
        Duration ringTimeout = ring == null ? CliCommand.Originate.DEFAULT_RING_TIMEOUT : seconds("--timeout", ring);
        Originate built;
        try {
            Originate.Builder b = Originate.builder(channel);
            if (dialplan) {
                b.dialplan(context, exten, priority == null ? 1 : positiveInt("--priority", priority));
            } else {
                b.application(application, data);
            }
            if (callerId != null) {
                b.callerId(callerId);
            }
            if (ring != null) {
                b.timeout(ringTimeout);
            }
            if (channelId != null) {
                b.channelId(channelId);
            }
            for (String v : variables) {
                int eq = v.indexOf('=');
                if (eq < 0) {
                    throw new UsageException("--var needs NAME=VALUE, got '" + v + "'");
                }
                b.variable(v.substring(0, eq), v.substring(eq + 1));
            }
            built = b.async(true).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException("originate: " + e.getMessage());
        }
        validate(built);
        return new CliCommand.Originate(built, ringTimeout);
    }

    private CliCommand events(Args args) throws UsageException {
        Set<String> names = new LinkedHashSet<>();
        OptionalLong count = OptionalLong.empty();
        while (args.more()) {
            String a = args.take();
            switch (Args.name(a)) {
                case "--filter" -> names.add(args.value(a).toLowerCase(Locale.ROOT));
                case "--count" -> count = OptionalLong.of(positiveInt("--count", args.value(a)));
                default -> {
                    if (!a.startsWith("-")) {
                        throw new UsageException("events: unexpected argument '" + a + "'");
                    }
                    globalOption(a, args);
                }
            }
        }
        return new CliCommand.Events(names, count);
    }

    // ---- values ------------------------------------------------------------------------------

    /** Refuses what the encoder would refuse, naming the header, before anything is sent. */
    private static void validate(AmiAction action) throws UsageException {
        try {
            AmiEncoder.validate("Action", action.name());
            action.writeHeaders(new HeaderWriter() {
                @Override
                public HeaderWriter add(String key, String value) {
                    AmiEncoder.validate(key, value);
                    return this;
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Duration seconds(String option, String text) throws UsageException {
        try {
            double s = Double.parseDouble(text.trim());
            if (s > 0 && s <= 86_400) {
                return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a number of seconds above 0, was '" + text + "'");
    }

    private static int positiveInt(String option, String text) throws UsageException {
        try {
            int n = Integer.parseInt(text.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a whole number above 0, was '" + text + "'");
    }

    /** The arguments as a cursor; options take their value as {@code --name value} or {@code --name=value}. */
    private static final class Args {
        private final String[] args;
        private int next;

        Args(String[] args) {
            this.args = args;
        }

        boolean more() {
            return next < args.length;
        }

        String take() {
            return args[next++];
        }

        /** @return the option name without an inline value */
        static String name(String option) {
            int eq = option.indexOf('=');
            return option.startsWith("--") && eq > 0 ? option.substring(0, eq) : option;
        }

        static boolean flag(String option) throws UsageException {
            if (!name(option).equals(option)) {
                throw new UsageException(name(option) + " takes no value");
            }
            return true;
        }

        String value(String option) throws UsageException {
            String n = name(option);
            if (!n.equals(option)) {
                return option.substring(n.length() + 1);
            }
            if (!more()) {
                throw new UsageException(option + " needs a value");
            }
            return take();
        }
    }
}
