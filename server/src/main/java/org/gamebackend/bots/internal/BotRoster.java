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

/** Which policy plays a bot seat: the game's rule-based policy, at the mode's difficulty. */
public final class BotRoster implements BotPlayers {

    private static final Logger log = LoggerFactory.getLogger(BotRoster.class);

    private final Map<String, BotPolicy<?, ?>> policies;
    private final BotsProperties props;
    private final BotMetrics metrics;

    public BotRoster(List<BotPolicy<?, ?>> policies, BotsProperties props, BotMetrics metrics) {
        Map<String, BotPolicy<?, ?>> byGame = new HashMap<>();
        for (BotPolicy<?, ?> p : policies) {
            if (byGame.putIfAbsent(p.game(), p) != null) {
                throw new IllegalStateException("two bot policies play " + p.game());
            }
        }
        this.policies = Map.copyOf(byGame);
        this.props = props;
        this.metrics = metrics;
        log.info("bots: {} (policies for {})", props.enabled() ? "on" : "off", this.policies.keySet());
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
        return local(policy, new BotSeat(seat, mode, props.difficultyOf(mode), seed));
    }

    private <S, I> BotPlayer local(BotPolicy<S, I> policy, BotSeat seat) {
        return new LocalBotPlayer<>(policy.stateType(), policy.create(seat), metrics.of(policy.game()));
    }
}
