package org.gamebackend.bots.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.gamebackend.bots.Difficulty;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code game.bots.*}: whether bots play at all, how well, and per mode whether decisions come from a remote model.
 *
 * @param enabled false leaves every bot seat idle (a bot that never moves)
 * @param difficulty the level of modes not listed under {@code modes}
 * @param modes per matchmaking mode (or {@code custom} for private matches)
 * @param remotes remote policy servers by name, for {@code modes.<mode>.remote} (docs/bots.md)
 */
@ConfigurationProperties("game.bots")
public record BotsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("medium") Difficulty difficulty,
        @DefaultValue Map<String, ModeBots> modes,
        @DefaultValue Map<String, Remote> remotes) {

    /**
     * @param difficulty the level of this mode's bots (the global default when absent)
     * @param remote the name of a remote policy under {@code game.bots.remotes} to ask first, or absent for rules
     *     only
     * @param deadline how long this mode waits for a remote decision (the remote's {@code deadline} when absent)
     * @param fallback what plays a decision the remote did not make in time (or could not make): {@code rules} (the
     *     game's rule-based bot, the default) or {@code none} (the seat sends nothing that tick)
     */
    public record ModeBots(
            @Nullable Difficulty difficulty,
            @Nullable String remote,
            @Nullable Duration deadline,
            @Nullable Fallback fallback) {}

    /** What stands in for a missing remote decision. */
    public enum Fallback {
        /** The game's rule-based bot decides. */
        RULES,
        /** Nothing: the seat's last input holds. */
        NONE
    }

    /**
     * One remote policy server (bot_policy.proto), reached over one gRPC channel.
     *
     * @param target {@code host:port} (or any gRPC target URI, e.g. {@code dns:///policies.internal:9090})
     * @param deadline how long a decision may take before the rule-based bot plays that tick instead; also the gRPC
     *     deadline of each call. Keep it under the tick interval of the modes that use it (20 ms for a 20 Hz game).
     * @param stream send decisions over one bidirectional stream (DecideStream) instead of a unary call each
     * @param tls connect with TLS (plain text when false)
     * @param trustCertificate PEM file of the CA (or self-signed certificate) to trust with TLS; the JDK's trust store
     *     when absent
     * @param authority overrides the authority (and the TLS host name checked) when the target's differs
     * @param breaker when to stop asking a failing server, and when to try it again
     */
    public record Remote(
            @Nullable String target,
            @DefaultValue("20ms") Duration deadline,
            @DefaultValue("false") boolean stream,
            @DefaultValue("false") boolean tls,
            @Nullable Path trustCertificate,
            @Nullable String authority,
            @DefaultValue Breaker breaker) {}

    /**
     * The circuit breaker of one remote (resilience4j, count-based window). Failures are errors, unanswered calls
     * (deadline) and answers carrying an error; an illegal action is the model's mistake, not the server's, and counts
     * as a success.
     *
     * @param failureRate percentage of failed calls in the window that opens the breaker
     * @param window how many of the latest calls are looked at
     * @param minimumCalls calls needed in the window before the rate counts
     * @param waitOpen how long the breaker stays open before letting a few trial calls through (half-open)
     * @param halfOpenCalls trial calls in half-open; the breaker closes when they succeed at under the failure rate
     */
    public record Breaker(
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("5s") Duration waitOpen,
            @DefaultValue("3") int halfOpenCalls) {}

    Difficulty difficultyOf(String mode) {
        ModeBots m = modes.get(mode);
        Difficulty d = m == null ? null : m.difficulty();
        return d == null ? difficulty : d;
    }

    @Nullable
    String remoteOf(String mode) {
        ModeBots m = modes.get(mode);
        return m == null ? null : m.remote();
    }

    Fallback fallbackOf(String mode) {
        ModeBots m = modes.get(mode);
        Fallback f = m == null ? null : m.fallback();
        return f == null ? Fallback.RULES : f;
    }

    /** The mode's decision deadline: its own, else its remote's. */
    Duration deadlineOf(String mode, Remote remote) {
        ModeBots m = modes.get(mode);
        Duration d = m == null ? null : m.deadline();
        return d == null ? remote.deadline() : d;
    }
}
