package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus's own parser on our files, where {@code promtool} is installed (Debian: {@code apt-get install
 * prometheus}); skipped otherwise. The dashboards' queries are checked by wrapping each in a recording rule, with
 * Grafana's variables replaced by what Grafana would send.
 */
class PromtoolTests {

    @Test
    void prometheusConfigAndAlertRulesAreValid() throws Exception {
        assumeTrue(installed(), "promtool is not installed");
        run("check", "config", Repo.file("deploy/prometheus/prometheus.yml").toString());
        run("check", "rules", Repo.file(Queries.ALERTS).toString());
    }

    @Test
    void everyDashboardQueryParses(@TempDir Path dir) throws Exception {
        assumeTrue(installed(), "promtool is not installed");
        var rules = new java.util.ArrayList<Map<String, Object>>();
        int i = 0;
        for (Map.Entry<String, String> q : Queries.dashboards().entrySet()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard:query:" + i++);
            rule.put("expr", grafanaToPromQl(q.getValue()));
            rules.add(rule);
        }
        assertThat(rules).as("dashboard queries").hasSizeGreaterThan(40);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = dir.resolve("dashboards.rules.yml");
        Files.writeString(
                file,
                new Yaml(options)
                        .dump(Map.of("groups", java.util.List.of(Map.of("name", "dashboards", "rules", rules)))));
        run("check", "rules", file.toString());
    }

    static String grafanaToPromQl(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replaceAll("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?", ".*");
    }

    private static boolean installed() {
        try {
            Process p = new ProcessBuilder("promtool", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("promtool %s:%n%s", String.join(" ", args), output)
                .isZero();
    }
}
