package org.gamebackend.engine.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.gamebackend.engine.BotPlayers;
import org.gamebackend.engine.Game;
import org.gamebackend.platform.GameMode;
import org.gamebackend.platform.GameProperties;
import org.gamebackend.platform.cache.CacheSpec;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.PubSub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the engine: the games found as beans, the store, the meters and the engine itself. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EngineProperties.class, SpectatorProperties.class})
class EngineConfiguration {

    @Bean
    MatchStore matchStore(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            ApplicationEventPublisher events,
            EngineProperties props) {
        return new MatchStore(jdbc, tx, json, events, UUID.randomUUID(), props.nodeTimeout());
    }

    /** The socket side of matches; also where the engine's messages go out. */
    @Bean
    MatchChannels matchChannels(
            ObjectProvider<MatchEngine> engine, PubSub pubSub, Presence presence, SpectatorProperties spectators) {
        return new MatchChannels(engine, pubSub, presence, spectators);
    }

    @Bean
    MatchEngine matchEngine(
            List<Game<?, ?>> games,
            EngineProperties props,
            MatchStore store,
            MatchChannels outlet,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            ObjectProvider<BotPlayers> bots,
            CacheManager caches,
            GameProperties game,
            @org.springframework.beans.factory.annotation.Value("${game.command:}") String command) {
        MatchEngine engine = new MatchEngine(
                games, props, store, outlet, new EngineMetrics(meters), events, json, clock, bots, caches);
        // a one-shot command must not end other servers' running matches as orphans, nor resume them
        engine.autoStartup(command.isBlank());
        engine.clustered(game.mode() == GameMode.CLUSTER);
        Gauge.builder("game.matches.running", engine, MatchEngine::runningCount)
                .description("matches running on this node")
                .register(meters);
        return engine;
    }

    @Bean
    CacheSpec matchSummariesCache() {
        return MatchEngine.summariesCache();
    }

    @Bean
    InviteCodes inviteCodes(MatchEngine engine) {
        return new InviteCodes(engine);
    }

    @Bean
    Replays replays(MatchStore store, MatchEngine engine, JsonMapper json) {
        return new Replays(store, engine, json);
    }
}
