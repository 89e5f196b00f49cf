package org.confroom.ami.action;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Originate}: dial {@code channel} and, once it answers, send it to a dialplan location
 * (Context/Exten/Priority) or run an application (Application/Data). Build with {@link #builder(String)}.
 *
 * <p>Set {@link Builder#channelId} to a fresh unique id: Asterisk then uses it as the Uniqueid of the
 * new channel and echoes it in {@code OriginateResponse} even on failure, which is how a caller
 * reconciles an attempt whose response was lost.
 */
public final class Originate implements AmiAction {
    private final String channel;
    private final String context;
    private final String exten;
    private final Integer priority;
    private final String application;
    private final String data;
    private final Boolean async;
    private final String callerId;
    private final Long timeoutMillis;
    private final Map<String, String> variables;
    private final String account;
    private final String channelId;
    private final String otherChannelId;
    private final Boolean earlyMedia;
    private final String codecs;

    private Originate(Builder b) {
        this.channel = b.channel;
        this.context = b.context;
        this.exten = b.exten;
        this.priority = b.priority;
        this.application = b.application;
        this.data = b.data;
        this.async = b.async;
        this.callerId = b.callerId;
        this.timeoutMillis = b.timeoutMillis;
        this.variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        this.account = b.account;
        this.channelId = b.channelId;
        this.otherChannelId = b.otherChannelId;
        this.earlyMedia = b.earlyMedia;
        this.codecs = b.codecs;
    }

    /**
     * @param channel the dial string, for example {@code Local/1001@phones} or {@code PJSIP/100}
     * @return a builder
     */
    public static Builder builder(String channel) {
        return new Builder(channel);
    }

    /** @return a copy of this originate with {@code Async} set */
    public Originate withAsync(boolean value) {
        Builder b = toBuilder();
        b.async = value;
        return new Originate(b);
    }

    private Builder toBuilder() {
        Builder b = new Builder(channel);
        b.context = context;
        b.exten = exten;
        b.priority = priority;
        b.application = application;
        b.data = data;
        b.async = async;
        b.callerId = callerId;
        b.timeoutMillis = timeoutMillis;
        b.variables.putAll(variables);
        b.account = account;
        b.channelId = channelId;
        b.otherChannelId = otherChannelId;
        b.earlyMedia = earlyMedia;
        b.codecs = codecs;
        return b;
    }

    @Override
    public String name() {
        return "Originate";
    }

    /** @return the dial string */
    public String channel() { return channel; }
    /** @return the target context, or null for an application target */
    public String context() { return context; }
    /** @return the target extension, or null */
    public String exten() { return exten; }
    /** @return the application, or null for a dialplan target */
    public String application() { return application; }
    /** @return the ChannelId (Uniqueid of the new channel), or null */
    public String channelId() { return channelId; }
    /** @return true when sent with {@code Async: true} */
    public boolean isAsync() { return Boolean.TRUE.equals(async); }
    /** @return the dial timeout in milliseconds, or null for Asterisk's default (30 s) */
    public Long timeoutMillis() { return timeoutMillis; }
    /** @return channel variables in order */
    public Map<String, String> variables() { return variables; }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Channel", channel);
        out.addIfPresent("Context", context);
        out.addIfPresent("Exten", exten);
        out.addIfPresent("Priority", priority);
        out.addIfPresent("Application", application);
        out.addIfPresent("Data", data);
        out.addIfPresent("Async", async);
        out.addIfPresent("CallerID", callerId);
        out.addIfPresent("Timeout", timeoutMillis);
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out.add("Variable", v.getKey() + "=" + v.getValue());
        }
        out.addIfPresent("Account", account);
        out.addIfPresent("EarlyMedia", earlyMedia);
        out.addIfPresent("Codecs", codecs);
        out.addIfPresent("ChannelId", channelId);
        out.addIfPresent("OtherChannelId", otherChannelId);
    }

    @Override
    public String toString() {
        return "Originate[" + channel + " -> " + (application != null ? application + "(" + data + ")"
                : context + "," + exten + "," + priority) + (channelId == null ? "" : ", id " + channelId) + "]";
    }

    /** Builder of {@link Originate}; {@link #build()} checks that exactly one target is set. */
    public static final class Builder {
        private final String channel;
        private String context;
        private String exten;
        private Integer priority;
        private String application;
        private String data;
        private Boolean async;
        private String callerId;
        private Long timeoutMillis;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private String account;
        private String channelId;
        private String otherChannelId;
        private Boolean earlyMedia;
        private String codecs;

        private Builder(String channel) {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("Originate needs a channel (dial string)");
            }
            this.channel = channel;
        }

        /** Targets a dialplan location. @return this builder */
        public Builder dialplan(String context, String exten, int priority) {
            this.context = Objects.requireNonNull(context, "context");
            this.exten = Objects.requireNonNull(exten, "exten");
            if (priority < 1) {
                throw new IllegalArgumentException("priority must be at least 1, was " + priority);
            }
            this.priority = priority;
            return this;
        }

        /** Targets an application, for example {@code ConfBridge} with data {@code 706}. @return this builder */
        public Builder application(String application, String data) {
            this.application = Objects.requireNonNull(application, "application");
            this.data = data;
            return this;
        }

        /** @return this builder */
        public Builder async(boolean value) { this.async = value; return this; }
        /** Caller id as Asterisk parses it, for example {@code "Alice" <1001>}. @return this builder */
        public Builder callerId(String value) { this.callerId = Objects.requireNonNull(value, "callerId"); return this; }

        /** How long to ring before giving up (Reason 3). @return this builder */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("Originate timeout must be positive, was " + value);
            }
            this.timeoutMillis = value.toMillis();
            return this;
        }

        /** Adds a channel variable (one {@code Variable: name=value} header). @return this builder */
        public Builder variable(String name, String value) {
            if (name == null || name.isEmpty() || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("variable name must be non-empty and without '=': " + name);
            }
            variables.put(name, Objects.requireNonNull(value, "value of variable " + name));
            return this;
        }

        /** @return this builder */
        public Builder account(String value) { this.account = Objects.requireNonNull(value); return this; }
        /** Uniqueid of the new channel (the {@code ;1} half for Local channels). @return this builder */
        public Builder channelId(String value) { this.channelId = Objects.requireNonNull(value); return this; }
        /** Uniqueid of the other half ({@code ;2}) of a Local channel. @return this builder */
        public Builder otherChannelId(String value) { this.otherChannelId = Objects.requireNonNull(value); return this; }
        /** @return this builder */
        public Builder earlyMedia(boolean value) { this.earlyMedia = value; return this; }
        /** @return this builder */
        public Builder codecs(String value) { this.codecs = Objects.requireNonNull(value); return this; }

        /** @return the originate */
        public Originate build() {
            boolean dialplan = context != null;
            boolean app = application != null;
            if (dialplan == app) {
                throw new IllegalStateException("Originate needs exactly one target: dialplan(context, exten, priority) or application(app, data)");
            }
            return new Originate(this);
        }
    }
}
