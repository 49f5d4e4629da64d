package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
            Map.entry("bots_fallbacks_total", "only when a remote (gRPC) bot policy fails or misses its deadline"),
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
                .until(() -> Scrape.labels(Metrics.scrape(port)), l -> l.containsKey("jobs_success_total"));
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

    @Test
    void theListOfMetricsAShortGameLacksStaysTrue() {
        Map<String, String> queries = new LinkedHashMap<>(Queries.dashboards());
        queries.putAll(Queries.alerts());
        Set<String> queried = Queries.metricNames(queries).keySet();
        String mainSources = Repo.mainSources();
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
        return new TreeSet<>(Scrape.labels(Metrics.scrape(port)).keySet());
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
            ShortGame.play(web, engine, port);
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
