package org.gamebackend.bots.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gamebackend.bots.BotPolicy;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.engine.BotPlayer;
import org.gamebackend.engine.BotPlayers;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which policy plays a bot seat: the game's rule-based policy at the mode's difficulty, or, for a mode with a
 * {@code remote}, that remote policy server with the rule-based bot standing in.
 */
public final class BotRoster implements BotPlayers {

    private static final Logger log = LoggerFactory.getLogger(BotRoster.class);

    private final Map<String, BotPolicy<?, ?>> policies;
    private final BotsProperties props;
    private final BotMetrics metrics;
    private final RemotePolicies remotes;
    private final RemoteJson json = new RemoteJson();

    BotRoster(List<BotPolicy<?, ?>> policies, BotsProperties props, BotMetrics metrics, RemotePolicies remotes) {
        Map<String, BotPolicy<?, ?>> byGame = new HashMap<>();
        for (BotPolicy<?, ?> p : policies) {
            if (byGame.putIfAbsent(p.game(), p) != null) {
                throw new IllegalStateException("two bot policies play " + p.game());
            }
        }
        this.policies = Map.copyOf(byGame);
        this.props = props;
        this.metrics = metrics;
        this.remotes = remotes;
        log.info("bots: {} (policies for {})", props.enabled() ? "on" : "off", this.policies.keySet());
    }

    /** Rules only, every mode at one level: for benchmarks and tools that run the engine without Spring. */
    public static BotRoster rulesOnly(
            List<BotPolicy<?, ?>> policies,
            org.gamebackend.bots.Difficulty difficulty,
            io.micrometer.core.instrument.MeterRegistry registry) {
        BotsProperties props = new BotsProperties(true, difficulty, Map.of(), Map.of());
        BotMetrics metrics = new BotMetrics(registry);
        return new BotRoster(policies, props, metrics, new RemotePolicies(props, metrics));
    }

    @Override
    public boolean plays(String game) {
        return props.enabled() && policies.containsKey(game);
    }

    @Override
    public @Nullable BotPlayer attach(String game, String mode, Seat seat, long seed) {
        BotPolicy<?, ?> policy = policies.get(game);
        if (!props.enabled() || policy == null) {
            return null;
        }
        BotSeat botSeat = new BotSeat(seat, mode, props.difficultyOf(mode), seed);
        String remoteName = props.remoteOf(mode);
        if (remoteName != null) {
            RemotePolicy remote = remotes.get(remoteName); // names were checked at startup
            if (remote != null) {
                return remote(policy, botSeat, remote);
            }
        }
        return local(policy, botSeat);
    }

    private <S, I> BotPlayer remote(BotPolicy<S, I> policy, BotSeat seat, RemotePolicy remote) {
        BotsProperties.Remote config = props.remotes().get(remote.name());
        return new RemoteBotPlayer<>(
                policy,
                seat,
                props.fallbackOf(seat.mode()) == BotsProperties.Fallback.RULES,
                remote,
                config == null ? remote.deadline() : props.deadlineOf(seat.mode(), config),
                json,
                metrics.of(policy.game()));
    }

    private <S, I> BotPlayer local(BotPolicy<S, I> policy, BotSeat seat) {
        return new LocalBotPlayer<>(policy.stateType(), policy.create(seat), metrics.of(policy.game()));
    }
}
