package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The metric-name extractor the dashboard and alert checks rely on. */
class PromQlTests {

    @Test
    void aBareSelectorIsItsName() {
        assertThat(PromQl.metricNames("up")).containsExactly("up");
        assertThat(PromQl.metricNames("game_matches_running{application=\"game-backend\"}"))
                .containsExactly("game_matches_running");
    }

    @Test
    void functionsAggregationsAndTheirClausesAreNotNames() {
        String q = "histogram_quantile(0.99, sum by (le, game) (rate(game_tick_duration_seconds_bucket{game=~\"$game\"}"
                + "[$__rate_interval])))";
        assertThat(PromQl.metricNames(q)).containsExactly("game_tick_duration_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(jobs_failure_total[5m])) without (instance, job) > 0"))
                .containsExactly("jobs_failure_total");
        assertThat(PromQl.metricNames("topk(5, sum by(mode)(matchmaking_players_waiting))"))
                .containsExactly("matchmaking_players_waiting");
    }

    @Test
    void binaryOperatorsWithMatchingKeepBothSides() {
        String q = "sum by (type) (rate(jobs_failure_total[10m])) / on (type) group_left (x) "
                + "(sum by (type) (rate(jobs_success_total[10m])) + sum by (type) (rate(jobs_failure_total[10m])))";
        assertThat(PromQl.metricNames(q)).containsExactlyInAnyOrder("jobs_failure_total", "jobs_success_total");
        assertThat(PromQl.metricNames("a_total > bool 0 and ignoring(x) b_total unless c offset 5m"))
                .containsExactlyInAnyOrder("a_total", "b_total", "c");
    }

    @Test
    void numbersDurationsStringsAndVariablesAreSkipped() {
        assertThat(PromQl.metricNames("increase(x_total[1h30m]) * 1e3 + 0x1f - .5 + Inf"))
                .containsExactly("x_total");
        assertThat(PromQl.metricNames("label_replace(up, \"dst\", \"$1 by (x)\", \"src\", \"(.*)\") * on() ${scale}"))
                .containsExactly("up");
        assertThat(PromQl.metricNames("max_over_time(events_outbox_backlog[30m:1m])"))
                .containsExactly("events_outbox_backlog");
        assertThat(PromQl.metricNames("vector(1)")).isEmpty();
    }

    @Test
    void namesMayHoldColonsAndDigits() {
        assertThat(PromQl.metricNames("job:http_requests:rate5m + http2_streams"))
                .containsExactlyInAnyOrder("job:http_requests:rate5m", "http2_streams");
    }

    @Test
    void malformedExpressionsAreRefusedClearly() {
        assertThatThrownBy(() -> PromQl.metricNames("rate(x_total[5m]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced '('");
        assertThatThrownBy(() -> PromQl.metricNames("x{a=\"b}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PromQl.metricNames("sum(x))"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> PromQl.metricNames("  ")).hasMessageContaining("empty");
    }

    @Test
    void selectorLabelsAndGroupingLabelsAreReported() {
        PromQl.Reads reads =
                PromQl.reads("histogram_quantile(0.9, sum by (le, mode) (rate(matchmaking_wait_seconds_bucket"
                        + "{mode=~\"$mode\", region!=\"a=b\"}[5m]))) / on (mode) sum(x_total{job=\"g\"}) by (type)");
        assertThat(reads.names()).containsExactlyInAnyOrder("matchmaking_wait_seconds_bucket", "x_total");
        assertThat(reads.matchedLabels())
                .containsEntry("matchmaking_wait_seconds_bucket", java.util.Set.of("mode", "region"))
                .containsEntry("x_total", java.util.Set.of("job"));
        assertThat(reads.byLabels()).containsExactlyInAnyOrder("le", "mode", "type");
    }
}
