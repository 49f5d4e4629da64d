package org.gamebackend.ranking.internal.board;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Leaderboards in Redis (connected mode): one sorted set per board under {@link BoardKey#redisKey()}, score = −rating
 * and member = the player id's canonical string, so ZRANGE's ascending order (equal scores by member, bytewise) is
 * board order. Scores are written as {@code 0.0 - rating}, which is never -0.0.
 */
public final class RedisLeaderboard implements Leaderboard {

    /** Members per ZADD while rebuilding, and ZADDs per pipelined round trip. */
    private static final int BATCH = 1_000;

    private static final int BATCHES_PER_ROUND = 50;

    /** A rebuild that dies half-way leaves its temporary key behind for at most this long after its last batch. */
    private static final Duration TEMP_TTL = Duration.ofMinutes(10);

    /** Swaps the rebuilt set in and drops the temporary key's TTL in one step (RENAME carries the TTL over). */
    private static final RedisScript<Long> SWAP = RedisScript.of(
            "redis.call('RENAME', KEYS[1], KEYS[2]) redis.call('PERSIST', KEYS[2]) return 1", Long.class);

    private final StringRedisTemplate redis;
    private final ZSetOperations<String, String> zset;

    public RedisLeaderboard(StringRedisTemplate redis) {
        this.redis = redis;
        this.zset = redis.opsForZSet();
    }

    @Override
    public void put(BoardKey key, PlayerId player, double rating) {
        zset.add(key.redisKey(), player.toString(), score(BoardArguments.rating(rating)));
    }

    @Override
    public void remove(BoardKey key, PlayerId player) {
        zset.remove(key.redisKey(), player.toString());
    }

    @Override
    public OptionalLong rank(BoardKey key, PlayerId player) {
        Long rank = zset.rank(key.redisKey(), player.toString());
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank + 1);
    }

    @Override
    public OptionalDouble rating(BoardKey key, PlayerId player) {
        Double score = zset.score(key.redisKey(), player.toString());
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(rating(score));
    }

    @Override
    public List<BoardEntry> range(BoardKey key, long offset, int limit) {
        BoardArguments.window(offset, limit);
        long from = Math.max(offset, 0);
        long to = offset + limit - 1;
        if (to < from) {
            return List.of(); // ZRANGE would read a negative end as counted from the bottom
        }
        Set<TypedTuple<String>> tuples =
                Objects.requireNonNullElse(zset.rangeWithScores(key.redisKey(), from, to), Set.of());
        List<BoardEntry> page = new ArrayList<>(tuples.size());
        long rank = from;
        for (TypedTuple<String> tuple : tuples) {
            page.add(new BoardEntry(
                    ++rank,
                    PlayerId.parse(Objects.requireNonNull(tuple.getValue())),
                    rating(Objects.requireNonNull(tuple.getScore()))));
        }
        return page;
    }

    @Override
    public long countAbove(BoardKey key, double rating) {
        double bound = score(BoardArguments.bound(rating));
        byte[] raw = raw(key.redisKey());
        Long count = redis.execute((RedisCallback<Long>)
                connection -> connection.zSetCommands().zCount(raw, Range.rightOpen(Double.NEGATIVE_INFINITY, bound)));
        return count == null ? 0 : count;
    }

    @Override
    public long size(BoardKey key) {
        Long size = zset.zCard(key.redisKey());
        return size == null ? 0 : size;
    }

    @Override
    public void replace(BoardKey key, Iterable<Map.Entry<PlayerId, Double>> entries) {
        String temp = key.redisKey() + ":rebuild:" + UUID.randomUUID();
        byte[] rawTemp = raw(temp);
        boolean loaded = false;
        try {
            Iterator<Map.Entry<PlayerId, Double>> it = entries.iterator();
            while (it.hasNext()) {
                List<Set<Tuple>> round = nextRound(it);
                load(rawTemp, round);
                loaded = true;
            }
            if (loaded) {
                redis.execute(SWAP, List.of(temp, key.redisKey()));
            } else {
                redis.delete(key.redisKey());
            }
        } catch (RuntimeException e) {
            redis.delete(temp);
            throw e;
        }
    }

    @Override
    public void delete(BoardKey key) {
        redis.delete(key.redisKey());
    }

    /** One round trip: the round's ZADDs and a fresh TTL on the temporary key. */
    @SuppressWarnings("NullAway") // executePipelined insists that its callback returns null
    private void load(byte[] rawTemp, List<Set<Tuple>> round) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Set<Tuple> batch : round) {
                connection.zSetCommands().zAdd(rawTemp, batch);
            }
            connection.keyCommands().expire(rawTemp, TEMP_TTL.toSeconds());
            return null;
        });
    }

    private static List<Set<Tuple>> nextRound(Iterator<Map.Entry<PlayerId, Double>> it) {
        List<Set<Tuple>> round = new ArrayList<>();
        while (it.hasNext() && round.size() < BATCHES_PER_ROUND) {
            // one tuple per player, the last rating: a Set<Tuple> keeps a repeated (player, rating) at its first place
            Map<String, Double> latest = new HashMap<>();
            for (int n = 0; n < BATCH && it.hasNext(); n++) {
                Map.Entry<PlayerId, Double> entry = it.next();
                latest.put(entry.getKey().toString(), score(BoardArguments.rating(entry.getValue())));
            }
            Set<Tuple> batch = new HashSet<>();
            latest.forEach((member, score) -> batch.add(new DefaultTuple(raw(member), score)));
            round.add(batch);
        }
        return round;
    }

    private static double score(double rating) {
        return 0.0 - rating;
    }

    private static double rating(double score) {
        return 0.0 - score;
    }

    private static byte[] raw(String s) {
        return s.getBytes(UTF_8);
    }
}
