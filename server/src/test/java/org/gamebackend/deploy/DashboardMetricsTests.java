package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every metric a Grafana dashboard or an alert rule queries must be one the app really exposes: a short scripted game
 * (sockets and channel joins, matchmaking against a bot, a ranked match to its end, its rating job, client events)
 * makes the meters exist, then {@code /metrics} is scraped. Meters that only appear in connected mode or after a
 * failure are listed in {@link #CONNECTED_ONLY} (checked by ConnectedMetricsTests) and {@link #NOT_IN_A_SHORT_GAME}
 * with the reason; each of those must still be registered by the main code and queried somewhere, so the lists
 * cannot go stale.
 */
@ApiTest
class DashboardMetricsTests {

    /** Metric → why a short standalone game may not produce it (ConnectedMetricsTests checks the connected ones). */
    static final Map<String, String> NOT_IN_A_SHORT_GAME = Map.ofEntries(
            Map.entry("jobs_failure_total", "only after a background job throws"),
            Map.entry("events_publish_failed_total", "only when RabbitMQ (or the analytics table) refuses an event"),
            Map.entry("matchmaking_no_shows_total", "only when a matched player does not join in time"),
            Map.entry("matchmaking_backfills_total", "only when a running match asks for a replacement player"),
            Map.entry("up", "written by Prometheus for each scrape, not by the app"));

    /** Metric → why only connected mode has it. */
    static final Map<String, String> CONNECTED_ONLY = Map.ofEntries(
            Map.entry("events_consumed_total", "messages the batching consumers take off RabbitMQ"),
            Map.entry("events_queue_depth", "depth of the RabbitMQ ingestion queues"));

    /** Meter-name suffixes Micrometer's Prometheus registry adds. */
    private static final List<String> SUFFIXES = List.of(
            "_seconds_bucket",
            "_seconds_count",
            "_seconds_sum",
            "_seconds_max",
            "_seconds",
            "_bucket",
            "_count",
            "_sum",
            "_max",
            "_total");

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @LocalServerPort
    int port;

    @Test
    void everyMetricADashboardOrAlertQueriesIsExposed() {
        Map<String, String> queries = new LinkedHashMap<>(Queries.dashboards());
        queries.putAll(Queries.alerts());
        Map<String, Set<String>> wanted = Queries.metricNames(queries);
        assertThat(wanted).as("metric names found in the dashboards and alerts").hasSizeGreaterThan(20);

        playAShortGameOnce();

        Map<String, Set<String>> required = new TreeMap<>(wanted);
        required.keySet().removeAll(NOT_IN_A_SHORT_GAME.keySet());
        required.keySet().removeAll(CONNECTED_ONLY.keySet());
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> missing(required, exposed()).isEmpty());
        } catch (ConditionTimeoutException e) {
            // the assertion below names what is missing and where it is queried
        }
        Set<String> exposed = exposed();
        dump(exposed);
        assertThat(missing(required, exposed))
                .as("queried by a dashboard or alert but not in /metrics (names and where they are queried)")
                .isEmpty();
    }

    @Test
    void everyLabelADashboardOrAlertMatchesOrGroupsByExists() {
        playAShortGameOnce();
        Map<String, Set<String>> labels = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> labels(Metrics.scrape(port)), l -> l.containsKey("jobs_success_total"));
        Map<String, String> queries = new LinkedHashMap<>(Queries.dashboards());
        queries.putAll(Queries.alerts());
        Map<String, String> wrong = new TreeMap<>();
        queries.forEach((where, expr) -> {
            PromQl.Reads reads = PromQl.reads(expr);
            reads.matchedLabels().forEach((metric, matched) -> {
                if (labels.containsKey(metric)) {
                    for (String label : matched) {
                        if (!SCRAPE_LABELS.contains(label)
                                && !labels.get(metric).contains(label)) {
                            wrong.put(
                                    where, metric + " has no label " + label + " (it has " + labels.get(metric) + ")");
                        }
                    }
                }
            });
            List<String> present =
                    reads.names().stream().filter(labels::containsKey).toList();
            for (String label : reads.byLabels()) {
                boolean found = SCRAPE_LABELS.contains(label)
                        || label.equals("le")
                        || present.isEmpty()
                        || present.stream().anyMatch(m -> labels.get(m).contains(label));
                if (!found) {
                    wrong.put(where, "by (" + label + "): none of " + present + " has that label");
                }
            }
        });
        assertThat(wrong).as("label names the app's metrics do not have").isEmpty();
    }

    /** Labels Prometheus adds to every scraped series. */
    private static final Set<String> SCRAPE_LABELS = Set.of("instance", "job");

    /** Sample name → its label names. */
    static Map<String, Set<String>> labels(String scrape) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || (space >= 0 && space < brace)) {
                out.computeIfAbsent(line.substring(0, space < 0 ? line.length() : space), k -> new TreeSet<>());
                continue;
            }
            Set<String> names = out.computeIfAbsent(line.substring(0, brace), k -> new TreeSet<>());
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                names.add(line.substring(i, eq).strip());
                i = eq + 2; // past ="
                while (line.charAt(i) != '"') {
                    i += line.charAt(i) == '\\' ? 2 : 1;
                }
                i++; // past the closing quote
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        return out;
    }

    @Test
    void theListOfMetricsAShortGameLacksStaysTrue() {
        Map<String, String> queries = new LinkedHashMap<>(Queries.dashboards());
        queries.putAll(Queries.alerts());
        Set<String> queried = Queries.metricNames(queries).keySet();
        String mainSources = mainSources();
        Set<String> listed = new TreeSet<>(NOT_IN_A_SHORT_GAME.keySet());
        listed.addAll(CONNECTED_ONLY.keySet());
        listed.stream().filter(n -> !n.equals("up")).forEach(name -> {
            assertThat(queried)
                    .as("%s is listed as absent in a short game but nothing queries it", name)
                    .contains(name);
            String meter = meterName(name);
            assertThat(mainSources.contains('"' + meter + '"')
                            || mainSources.contains('"' + meter.replace('_', '.') + '"'))
                    .as("%s (meter %s) is registered somewhere in server/src/main/java", name, meter)
                    .isTrue();
        });
    }

    private static Map<String, Set<String>> missing(Map<String, Set<String>> required, Set<String> exposed) {
        return required.entrySet().stream()
                .filter(e -> !exposed.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Sample names in the scrape (histograms as _bucket/_sum/_count, counters with _total). */
    private Set<String> exposed() {
        Set<String> names = new TreeSet<>();
        for (String line : Metrics.scrape(port).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    static String meterName(String metric) {
        for (String suffix : SUFFIXES) {
            if (metric.endsWith(suffix)) {
                return metric.substring(0, metric.length() - suffix.length());
            }
        }
        return metric;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean PLAYED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private void playAShortGameOnce() {
        if (PLAYED.compareAndSet(false, true)) {
            playAShortGame();
        }
    }

    /** Sockets, channel joins and messages; matchmaking against a bot; a ranked match to its end; client events. */
    private void playAShortGame() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens x = mm.player("dashx");
        try (SocketClient socket = SocketClient.connect(port, x.accessToken())) {
            socket.send("[\"1\",\"1\",\"user:" + x.playerId() + "\",\"phx_join\",{}]");
            socket.send("[null,\"2\",\"phoenix\",\"heartbeat\",{}]");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Object frame = socket.poll();
                return frame instanceof String s && s.contains("\"2\"") && s.contains("phx_reply");
            });
            String ticket = mm.queued(x, Map.of("mode", "duel-bots", "region", "eu"));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "matched".equals(mm.ticket(x, ticket).get("status")));
        }

        // two more players: x is seated with the bot now
        Players.Tokens a = mm.player("dasha");
        Players.Tokens b = mm.player("dashb");
        MatchId match = engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(
                        new MatchRequest.SeatRequest(PlayerId.parse(a.playerId()), false, 0),
                        new MatchRequest.SeatRequest(PlayerId.parse(b.playerId()), false, 1))));
        engine.connected(match, 0);
        engine.connected(match, 1);
        for (int[] m : new int[][] {{0, 0}, {1, 3}, {0, 1}, {1, 4}, {0, 2}}) {
            engine.input(match, m[0], ("{\"cell\":" + m[1] + "}").getBytes(StandardCharsets.UTF_8))
                    .join();
        }

        List<Map<String, Object>> events = Stream.of(1, 2, 3)
                .map(i -> Map.<String, Object>of(
                        "id", UUID.randomUUID().toString(),
                        "type", "level.completed",
                        "at", Instant.now().minusSeconds(5).toString(),
                        "data", Map.of("level", i)))
                .toList();
        web.post()
                .uri("/api/v1/events")
                .headers(h -> h.setBearerAuth(x.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events))
                .exchange()
                .expectStatus()
                .isAccepted();
        // and one bad batch (an unknown field), refused and counted
        web.post()
                .uri("/api/v1/events")
                .headers(h -> h.setBearerAuth(x.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events, "extra", true))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private static String mainSources() {
        try (Stream<Path> files = Files.walk(Repo.file("server/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names seen, for whoever writes the next dashboard: server/target/deploy/exposed-metrics.txt. */
    private static void dump(Set<String> names) {
        try {
            Path out = Repo.root().resolve("server/target/deploy/exposed-metrics.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
