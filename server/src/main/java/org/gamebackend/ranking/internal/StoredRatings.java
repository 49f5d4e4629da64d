package org.gamebackend.ranking.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.Ratings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matchmaking's view of skill: the stored rating, through a small cache that the rating job clears for the players it
 * changes (another node's change shows within the cache's minute).
 */
final class StoredRatings implements Ratings {

    private record Key(PlayerId player, String mode) {}

    private final JdbcClient jdbc;
    private final Cache<Key, Double> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    StoredRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public double rating(PlayerId player, String mode) {
        return cache.get(
                new Key(player, mode),
                k -> jdbc.sql("select rating from ratings where player_id = ? and mode = ?")
                        .params(k.player().value(), k.mode())
                        .query(Double.class)
                        .optional()
                        .orElse(DEFAULT));
    }

    void forget(PlayerId player, String mode) {
        cache.invalidate(new Key(player, mode));
    }
}
