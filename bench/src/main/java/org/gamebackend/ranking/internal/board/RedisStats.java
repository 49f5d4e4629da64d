package org.gamebackend.ranking.internal.board;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What Redis itself says about a board: its memory, and the time the server spent per command (INFO commandstats), to
 * tell the server's share of a call from the round trip and the client's.
 */
final class RedisStats {

    private static final RedisScript<Long> MEMORY_USAGE =
            RedisScript.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);

    private final StringRedisTemplate redis;

    RedisStats(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Bytes of the board's sorted set, counted exactly (SAMPLES 0 walks every element). */
    long memoryUsage(BoardKey key) {
        // through a script: the raw-command path of Spring Data Redis expects a bulk reply, MEMORY USAGE gives a number
        Long bytes = redis.execute(MEMORY_USAGE, List.of(key.redisKey()));
        return bytes == null ? -1 : bytes;
    }

    /** calls and microseconds so far, per command (lowercase name). */
    Map<String, long[]> commandStats() {
        Properties info = redis.execute(
                (RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        Map<String, long[]> stats = new TreeMap<>();
        if (info != null) {
            info.forEach((name, value) -> {
                String command = name.toString().replace("cmdstat_", "");
                Map<String, String> fields = new TreeMap<>();
                for (String field : value.toString().split(",")) {
                    String[] kv = field.split("=", 2);
                    fields.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                if (fields.containsKey("calls") && fields.containsKey("usec")) {
                    stats.put(
                            command,
                            new long[] {Long.parseLong(fields.get("calls")), Long.parseLong(fields.get("usec"))});
                }
            });
        }
        return stats;
    }

    /** "zrank 2.1 µs/call" for every command called between the two snapshots (other clients' calls included). */
    String perCall(Map<String, long[]> before, Map<String, long[]> after) {
        return after.entrySet().stream()
                .filter(e -> e.getKey().startsWith("z"))
                .filter(e -> e.getValue()[0] > before.getOrDefault(e.getKey(), new long[2])[0])
                .map(e -> {
                    long[] b = before.getOrDefault(e.getKey(), new long[2]);
                    long calls = e.getValue()[0] - b[0];
                    return String.format(
                            Locale.ROOT, "%s %.2f µs/call", e.getKey(), (e.getValue()[1] - b[1]) / (double) calls);
                })
                .collect(Collectors.joining(", "));
    }
}
