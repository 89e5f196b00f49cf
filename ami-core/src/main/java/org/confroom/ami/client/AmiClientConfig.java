package org.confroom.ami.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLSocketFactory;

import org.confroom.ami.codec.DecoderLimits;

/**
 * Immutable settings of an AMI client. Build with {@link #builder(String, int)}; every value has a
 * sensible default except the credentials. {@link #toString()} never shows the secret.
 */
public final class AmiClientConfig {
    private final String host;
    private final int port;
    private final boolean tls;
    private final SSLSocketFactory sslSocketFactory;
    private final String username;
    private final String secret;
    private final boolean md5;
    private final String eventMask;
    private final List<String> filters;
    private final Duration connectTimeout;
    private final Duration loginTimeout;
    private final Duration actionTimeout;
    private final Duration keepaliveInterval;
    private final Duration pongTimeout;
    private final boolean reconnect;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final int eventQueueCapacity;
    private final OverflowPolicy overflowPolicy;
    private final DecoderLimits decoderLimits;
    private final String name;

    private AmiClientConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.sslSocketFactory = b.sslSocketFactory;
        this.username = b.username;
        this.secret = b.secret;
        this.md5 = b.md5;
        this.eventMask = b.eventMask;
        this.filters = List.copyOf(b.filters);
        this.connectTimeout = b.connectTimeout;
        this.loginTimeout = b.loginTimeout;
        this.actionTimeout = b.actionTimeout;
        this.keepaliveInterval = b.keepaliveInterval;
        this.pongTimeout = b.pongTimeout;
        this.reconnect = b.reconnect;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.eventQueueCapacity = b.eventQueueCapacity;
        this.overflowPolicy = b.overflowPolicy;
        this.decoderLimits = b.decoderLimits;
        this.name = b.name == null ? username + "@" + host + ":" + port : b.name;
    }

    /**
     * @param host Asterisk host name or address
     * @param port AMI port (5038, or 5039 for TLS by convention)
     * @return a builder with defaults
     */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** @return the Asterisk host */
    public String host() { return host; }
    /** @return the AMI port */
    public int port() { return port; }
    /** @return true to connect with TLS */
    public boolean tls() { return tls; }
    /** @return the TLS socket factory (the JDK default unless set) */
    public SSLSocketFactory sslSocketFactory() { return sslSocketFactory; }
    /** @return the manager user */
    public String username() { return username; }
    /** @return the secret; never log it */
    public String secret() { return secret; }
    /** @return true to log in with the MD5 challenge instead of sending the secret */
    public boolean md5() { return md5; }
    /** @return the event mask sent at login and after every reconnect ({@code on}, {@code off}, or classes) */
    public String eventMask() { return eventMask; }
    /** @return event filters ({@code Filter Operation: Add}) sent after every login */
    public List<String> filters() { return filters; }
    /** @return TCP connect and banner timeout */
    public Duration connectTimeout() { return connectTimeout; }
    /** @return login (and challenge) timeout */
    public Duration loginTimeout() { return loginTimeout; }
    /** @return default timeout of an action */
    public Duration actionTimeout() { return actionTimeout; }
    /** @return time between keepalive pings; zero disables keepalive */
    public Duration keepaliveInterval() { return keepaliveInterval; }
    /** @return how long a keepalive ping may take before the connection is declared dead */
    public Duration pongTimeout() { return pongTimeout; }
    /** @return true to reconnect after a lost connection */
    public boolean reconnect() { return reconnect; }
    /** @return first reconnect delay; doubled on each failure, with jitter */
    public Duration backoffInitial() { return backoffInitial; }
    /** @return largest reconnect delay, also the wait after a refused login */
    public Duration backoffMax() { return backoffMax; }
    /** @return events that may wait for listeners before the overflow policy applies */
    public int eventQueueCapacity() { return eventQueueCapacity; }
    /** @return what to drop when the event queue is full */
    public OverflowPolicy overflowPolicy() { return overflowPolicy; }
    /** @return decoder bounds */
    public DecoderLimits decoderLimits() { return decoderLimits; }
    /** @return a name for threads and logs */
    public String name() { return name; }

    @Override
    public String toString() {
        return "AmiClientConfig[" + name + (tls ? ", tls" : "") + (md5 ? ", md5" : "") + ", events=" + eventMask
                + ", filters=" + filters + ", reconnect=" + reconnect + "]";
    }

    /** Builder of {@link AmiClientConfig}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private boolean tls;
        private SSLSocketFactory sslSocketFactory;
        private String username;
        private String secret;
        private boolean md5;
        private String eventMask = "on";
        private final List<String> filters = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration loginTimeout = Duration.ofSeconds(5);
        private Duration actionTimeout = Duration.ofSeconds(10);
        private Duration keepaliveInterval = Duration.ofSeconds(20);
        private Duration pongTimeout = Duration.ofSeconds(5);
        private boolean reconnect = true;
        private Duration backoffInitial = Duration.ofMillis(250);
        private Duration backoffMax = Duration.ofSeconds(30);
        private int eventQueueCapacity = 65_536;
        private OverflowPolicy overflowPolicy = OverflowPolicy.DROP_NEWEST;
        private DecoderLimits decoderLimits = DecoderLimits.DEFAULT;
        private String name;

        private Builder(String host, int port) {
            this.host = requireText(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("AMI port must be 1..65535, was " + port);
            }
            this.port = port;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }

        /** Sets the credentials. @return this builder */
        public Builder credentials(String username, String secret) {
            this.username = requireText(username, "username");
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Uses the MD5 challenge login. @return this builder */
        public Builder md5(boolean md5) { this.md5 = md5; return this; }

        /** Connects with TLS using the JDK's default trust store. @return this builder */
        public Builder tls(boolean tls) { this.tls = tls; return this; }

        /** Connects with TLS using this factory (custom trust store). @return this builder */
        public Builder tls(SSLSocketFactory factory) {
            this.tls = true;
            this.sslSocketFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Sets the event mask: {@code on}, {@code off} or classes such as {@code call,system}. @return this builder */
        public Builder eventMask(String mask) { this.eventMask = requireText(mask, "event mask"); return this; }

        /** Adds an event filter re-sent after every login. @return this builder */
        public Builder filter(String filter) { this.filters.add(requireText(filter, "filter")); return this; }

        /** @return this builder */
        public Builder connectTimeout(Duration d) { this.connectTimeout = positive(d, "connectTimeout"); return this; }
        /** @return this builder */
        public Builder loginTimeout(Duration d) { this.loginTimeout = positive(d, "loginTimeout"); return this; }
        /** @return this builder */
        public Builder actionTimeout(Duration d) { this.actionTimeout = positive(d, "actionTimeout"); return this; }

        /** Sets the keepalive ping interval; {@link Duration#ZERO} disables it. @return this builder */
        public Builder keepaliveInterval(Duration d) {
            Objects.requireNonNull(d, "keepaliveInterval");
            if (d.isNegative()) {
                throw new IllegalArgumentException("keepaliveInterval must not be negative");
            }
            this.keepaliveInterval = d;
            return this;
        }

        /** @return this builder */
        public Builder pongTimeout(Duration d) { this.pongTimeout = positive(d, "pongTimeout"); return this; }
        /** @return this builder */
        public Builder reconnect(boolean on) { this.reconnect = on; return this; }

        /** Sets the reconnect backoff bounds. @return this builder */
        public Builder backoff(Duration initial, Duration max) {
            this.backoffInitial = positive(initial, "backoff initial");
            this.backoffMax = positive(max, "backoff max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff max " + max + " is below initial " + initial);
            }
            return this;
        }

        /** Sets the event queue bound and what to drop when it is full. @return this builder */
        public Builder eventQueue(int capacity, OverflowPolicy policy) {
            if (capacity < 1) {
                throw new IllegalArgumentException("event queue capacity must be positive, was " + capacity);
            }
            this.eventQueueCapacity = capacity;
            this.overflowPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return this builder */
        public Builder decoderLimits(DecoderLimits limits) { this.decoderLimits = Objects.requireNonNull(limits); return this; }
        /** Names the client in thread names and logs. @return this builder */
        public Builder name(String name) { this.name = requireText(name, "name"); return this; }

        /** @return the configuration */
        public AmiClientConfig build() {
            if (username == null) {
                throw new IllegalStateException("credentials are required: call credentials(user, secret)");
            }
            return new AmiClientConfig(this);
        }
    }
}
