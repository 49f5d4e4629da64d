package org.gamebackend.matchmaking.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.Matches;
import org.gamebackend.matchmaking.Placement;
import org.gamebackend.matchmaking.Ratings;
import org.gamebackend.platform.GameProperties;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.PubSub;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of matchmaking: modes, stores, the pairing loop, placement on the engine, REST and socket sides. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchmakingProperties.class)
class MatchmakingConfiguration {

    /** Largest party, whatever the mode (a mode may take fewer). */
    static final int MAX_PARTY_SIZE = 8;

    private final Executor blocking = Executors.newVirtualThreadPerTaskExecutor();

    @Bean
    ModeCatalog modeCatalog(MatchmakingProperties props, List<Game<?, ?>> games, GameProperties game) {
        return new ModeCatalog(props, games, game.regions());
    }

    /** Every player rated {@link Ratings#DEFAULT} until the ranking module provides real ratings. */
    @Bean
    @ConditionalOnMissingBean
    Ratings defaultRatings() {
        return (player, mode) -> Ratings.DEFAULT;
    }

    @Bean
    @ConditionalOnMissingBean
    Placement enginePlacement(Matches matches) {
        return new EnginePlacement(matches);
    }

    @Bean
    TicketStore ticketStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        return new TicketStore(jdbc, tx, json);
    }

    @Bean
    MatchmakingJobs matchmakingJobs(TicketStore store, MatchmakingProperties props, Clock clock) {
        return new MatchmakingJobs(store, props, clock);
    }

    @Bean
    PartyStore partyStore(JdbcClient jdbc, TransactionTemplate tx) {
        return new PartyStore(jdbc, tx);
    }

    @Bean
    MatchmakingMetrics matchmakingMetrics(MeterRegistry meters, ModeCatalog modes) {
        return new MatchmakingMetrics(meters, modes.modes().values());
    }

    @Bean
    Cooldowns cooldowns() {
        return new Cooldowns();
    }

    @Bean
    PlayerFeed playerFeed() {
        return new PlayerFeed();
    }

    @Bean
    UserPushes userPushes(PubSub pubSub, PlayerFeed feed) {
        return new UserPushes(pubSub, feed);
    }

    @Bean
    Matchmaker matchmaker(
            ModeCatalog modes,
            MatchmakingProperties props,
            TicketStore store,
            Placement placement,
            UserPushes pushes,
            MatchmakingMetrics metrics,
            ApplicationEventPublisher events,
            Clock clock,
            Cooldowns cooldowns,
            GameProperties game,
            @org.springframework.beans.factory.annotation.Value("${game.command:}") String command) {
        Matchmaker matchmaker =
                new Matchmaker(modes.modes(), props, store, placement, pushes, metrics, events, clock, cooldowns);
        matchmaker.autoStartup(command.isBlank());
        matchmaker.clustered(game.mode() == org.gamebackend.platform.GameMode.CLUSTER);
        return matchmaker;
    }

    @Bean
    TicketService ticketService(
            ModeCatalog modes,
            TicketStore store,
            Matchmaker matchmaker,
            PartyStore parties,
            Ratings ratings,
            Matches matches,
            Cooldowns cooldowns,
            MatchmakingMetrics metrics,
            UserPushes pushes,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        return new TicketService(
                modes.modes(), store, matchmaker, parties, ratings, matches, cooldowns, metrics, pushes, clock, events);
    }

    @Bean
    PartySockets partySockets() {
        return new PartySockets();
    }

    @Bean
    PartyService partyService(
            PartyStore store, TicketService tickets, PubSub pubSub, PartySockets sockets, Clock clock) {
        return new PartyService(store, tickets, pubSub, sockets, MAX_PARTY_SIZE, clock);
    }

    /** Backfill requests from running matches become priority tickets. */
    @Bean
    BackfillListener backfillListener(TicketService tickets) {
        return new BackfillListener(tickets);
    }

    @Bean
    QueueEvents queueEvents(TicketService tickets, JsonMapper json) {
        return new QueueEvents(tickets, json, blocking);
    }

    @Bean
    PartyChannelHandler partyChannelHandler(
            PartyService parties, PubSub pubSub, Presence presence, PartySockets sockets) {
        return new PartyChannelHandler(parties, pubSub, presence, sockets, blocking);
    }
}
