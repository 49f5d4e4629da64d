package org.gamebackend.ranking.internal.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gamebackend.accounts.PlayerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The contract against the machine's Redis (127.0.0.1:6379); each test's keys start with its own mode name. */
class RedisLeaderboardTests extends LeaderboardContract {

    static LettuceConnectionFactory factory;
    static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void disconnect() {
        factory.destroy();
    }

    @AfterEach
    void deleteKeys() {
        Set<String> keys = keys();
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    @Override
    Leaderboard leaderboard() {
        return new RedisLeaderboard(redis);
    }

    /** Every key of this test: its boards and any temporary key of a rebuild. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        try (Cursor<String> cursor = redis.scan(
                ScanOptions.scanOptions().match("lb:" + mode + "*").count(1_000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }

    @Test
    void aRebuildOfManyRoundsLeavesOnePersistentKey() {
        boards.put(key, new PlayerId(new UUID(1, 1)), 1);
        List<Map.Entry<PlayerId, Double>> entries = IntStream.range(0, 120_000)
                .mapToObj(i -> Map.entry(new PlayerId(new UUID(7, i)), (double) (i % 5_000)))
                .toList();

        boards.replace(key, entries);

        assertThat(boards.size(key)).isEqualTo(120_000);
        assertThat(boards.rank(key, new PlayerId(new UUID(1, 1)))).isEmpty();
        assertThat(boards.range(key, 0, 1)).containsExactly(new BoardEntry(1, new PlayerId(new UUID(7, 4_999)), 4_999));
        assertThat(keys()).containsExactly(key.redisKey());
        assertThat(redis.getExpire(key.redisKey())).isEqualTo(-1);
    }

    @Test
    void aFailedRebuildKeepsTheOldBoardAndDropsItsTemporaryKey() {
        boards.put(key, new PlayerId(new UUID(1, 1)), 1);
        List<Map.Entry<PlayerId, Double>> entries = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) { // past the first pipelined round
            entries.add(Map.entry(new PlayerId(new UUID(7, i)), 1.0));
        }
        entries.add(Map.entry(new PlayerId(new UUID(7, -1)), Double.NaN));

        assertThatThrownBy(() -> boards.replace(key, entries)).isInstanceOf(IllegalArgumentException.class);

        assertThat(keys()).containsExactly(key.redisKey());
        assertThat(boards.size(key)).isEqualTo(1);
    }
}
