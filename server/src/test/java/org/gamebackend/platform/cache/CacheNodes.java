package org.gamebackend.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.MediaType;

/** Connected servers with their own cache key prefix (the machine's Redis is shared), and what the tests ask them. */
final class CacheNodes {

    static final String SECRET = "cache-tests-secret-0123456789-abcdefghijklm";

    private CacheNodes() {}

    static RunningServer start(String database, String keyPrefix, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database,
                "JWT_SECRET=" + SECRET,
                "game.cache.redis.key-prefix=" + keyPrefix,
                "jobrunr.background-job-server.enabled=false"));
        args.addAll(List.of(more));
        return RunningServer.start(args.toArray(String[]::new));
    }

    static String displayName(RunningServer server, Players.Tokens player) {
        Map<?, ?> me = server.web()
                .get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + player.accessToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return String.valueOf(me == null ? null : me.get("display_name"));
    }

    static void rename(RunningServer server, Players.Tokens player, String name) {
        server.web()
                .patch()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + player.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("display_name", name))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The sum of a meter's samples whose labels contain every one of {@code labels} (e.g. {@code cache="profiles"}). */
    static double meter(RunningServer server, String name, String... labels) {
        return meter(
                ((WebServerApplicationContext) server.context()).getWebServer().getPort(), name, labels);
    }

    static double meter(int port, String name, String... labels) {
        double sum = 0;
        for (String line : Metrics.scrape(port).split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
