package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * docker-compose.yml against the app's configuration: every service with its health check and start order, the
 * app's variables spelled as the app reads them and pointing at the stack's own services, ports, Prometheus scraping
 * the app's /metrics, Grafana provisioned with that Prometheus and the dashboards; .env.example feeds every
 * variable the file interpolates.
 */
class ComposeTests {

    static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    final Map<String, Object> compose = Repo.yaml("docker-compose.yml");
    final Map<String, Object> services = Repo.map(compose.get("services"), "services");
    final Map<String, Object> appYaml = Repo.yaml("server/src/main/resources/application.yml");

    @Test
    void theStackHasEveryServiceWithAHealthCheck() {
        assertThat(services).containsKeys("app", "db", "redis", "rabbitmq", "prometheus", "grafana");
        services.forEach((name, s) -> {
            Map<String, Object> service = Repo.map(s, name);
            assertThat(service).as("%s names an image", name).containsKey("image");
            Map<String, Object> health = Repo.map(service.get("healthcheck"), name + " healthcheck");
            assertThat(Repo.list(health.get("test"), name + " healthcheck test"))
                    .as(name)
                    .isNotEmpty();
        });
        assertThat(Repo.map(services.get("app"), "app")).containsKey("build");
        assertThat((String) Repo.map(services.get("rabbitmq"), "rabbitmq").get("image"))
                .contains("management");
    }

    @Test
    void servicesStartInOrderOfTheirDependencies() {
        assertThat(dependsOn("app"))
                .containsEntry("db", "service_healthy")
                .containsEntry("redis", "service_healthy")
                .containsEntry("rabbitmq", "service_healthy");
        assertThat(dependsOn("prometheus")).containsKey("app");
        assertThat(dependsOn("grafana")).containsEntry("prometheus", "service_healthy");
    }

    @Test
    void theAppRunsConnectedAgainstTheStacksOwnServices() {
        Map<String, String> env = environment("app");
        Set<String> documented = AppEnvironment.documented();
        env.keySet()
                .forEach(name -> assertThat(AppEnvironment.known(name, documented))
                        .as("app variable %s is one the app reads (.env.example, docs/configuration.md)", name)
                        .isTrue());
        assertThat(env).containsEntry("GAME_MODE", "connected");

        URI db = URI.create(env.get("DATABASE_URL"));
        assertThat(db.getScheme()).isEqualTo("postgres");
        assertThat(db.getHost()).isEqualTo("db");
        assertThat(db.getPort()).isEqualTo(5432);
        Map<String, String> postgres = environment("db");
        assertThat(db.getUserInfo()).isEqualTo(postgres.get("POSTGRES_USER") + ":" + postgres.get("POSTGRES_PASSWORD"));
        assertThat(db.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));

        assertThat(services).containsKey(env.get("REDIS_HOST"));
        assertThat(env.get("REDIS_PORT")).isEqualTo("6379");

        URI amqp = URI.create(env.get("RABBITMQ_URL"));
        assertThat(amqp.getScheme()).isEqualTo("amqp");
        assertThat(amqp.getHost()).isEqualTo("rabbitmq");
        assertThat(amqp.getPort()).isEqualTo(5672);
        Map<String, String> rabbit = environment("rabbitmq");
        assertThat(amqp.getUserInfo())
                .isEqualTo(rabbit.get("RABBITMQ_DEFAULT_USER") + ":" + rabbit.get("RABBITMQ_DEFAULT_PASS"));

        assertThat(rawEnvironment("app").get("JWT_SECRET"))
                .as("compose refuses to start without a JWT secret, with a message")
                .matches("\\$\\{JWT_SECRET:\\?.+}");
    }

    @Test
    void portsMatchTheAppAndTheToolsDefaults() {
        String serverPort = (String) Repo.map(appYaml.get("server"), "server").get("port");
        assertThat(serverPort).isEqualTo("${PORT:4000}");
        assertThat(environment("app")).containsEntry("PORT", "4000");
        assertThat(containerPorts("app")).containsExactly(4000);
        assertThat(containerPorts("rabbitmq")).contains(15672);
        assertThat(containerPorts("prometheus")).contains(9090);
        assertThat(containerPorts("grafana")).contains(3000);
    }

    @Test
    void theAppsHealthCheckAsksReadiness() {
        assertThat(Repo.read("deploy/docker/healthcheck.sh")).contains("GET /health/readiness");
        assertThat(Repo.list(
                        Repo.map(Repo.map(services.get("app"), "app").get("healthcheck"), "hc")
                                .get("test"),
                        "t"))
                .contains("/usr/local/bin/healthcheck");
        assertThat(Repo.read("Dockerfile"))
                .contains("COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck")
                .containsPattern("HEALTHCHECK .*CMD \\[\"/usr/local/bin/healthcheck\"]");
    }

    @Test
    void theAppHasTimeToSuspendItsMatchesOnStop() {
        Duration phase = DurationStyle.detectAndParse((String)
                Repo.map(Repo.map(appYaml.get("spring"), "spring").get("lifecycle"), "lifecycle")
                        .get("timeout-per-shutdown-phase"));
        Duration grace = DurationStyle.detectAndParse(
                (String) Repo.map(services.get("app"), "app").get("stop_grace_period"));
        assertThat(grace).as("web drain + engine stop").isGreaterThan(phase.multipliedBy(2));
    }

    @Test
    void prometheusScrapesTheAppsMetricsAndLoadsTheAlerts() {
        Map<String, Object> prometheus = Repo.yaml("deploy/prometheus/prometheus.yml");
        Map<String, Object> job = Repo.list(prometheus.get("scrape_configs"), "scrape_configs").stream()
                .map(j -> Repo.map(j, "scrape config"))
                .filter(j -> "game-backend".equals(j.get("job_name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no game-backend scrape job"));
        Map<String, Object> endpoints = Repo.map(
                Repo.map(Repo.map(appYaml.get("management"), "management").get("endpoints"), "endpoints")
                        .get("web"),
                "web");
        String path =
                (String) Repo.map(endpoints.get("path-mapping"), "path-mapping").get("prometheus");
        assertThat(job.get("metrics_path")).isEqualTo("/" + path);
        Map<String, Object> target =
                Repo.map(Repo.list(job.get("static_configs"), "static_configs").getFirst(), "sc");
        assertThat(Repo.list(target.get("targets"), "targets")).containsExactly("app:4000");
        assertThat(Repo.list(prometheus.get("rule_files"), "rule_files")).containsExactly("alerts.yml");
        Repo.file("deploy/prometheus/alerts.yml");
        assertThat(volumes("prometheus")).containsEntry("./deploy/prometheus", "/etc/prometheus");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboards() {
        Map<String, Object> ds = Repo.map(
                Repo.list(
                                Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                                        .get("datasources"),
                                "ds")
                        .getFirst(),
                "datasource");
        assertThat(ds).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        String uid = (String) ds.get("uid");
        for (var file : Repo.list(Queries.DASHBOARDS, ".json")) {
            Matcher m = Pattern.compile("\"uid\": \"([^\"]+)\"").matcher(Repo.read(file));
            Set<String> datasourceUids = new LinkedHashSet<>();
            while (m.find()) {
                datasourceUids.add(m.group(1));
            }
            String dashboardUid = file.getFileName().toString().replace(".json", "");
            datasourceUids.remove(dashboardUid);
            assertThat(datasourceUids)
                    .as("%s uses the provisioned datasource only", file.getFileName())
                    .containsExactly(uid);
        }
        Map<String, Object> provider = Repo.map(
                Repo.list(
                                Repo.yaml("deploy/grafana/provisioning/dashboards/game-backend.yml")
                                        .get("providers"),
                                "p")
                        .getFirst(),
                "provider");
        String path = (String) Repo.map(provider.get("options"), "options").get("path");
        Map<String, String> mounts = volumes("grafana");
        assertThat(mounts)
                .containsEntry("./deploy/grafana/dashboards", path)
                .containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning");
        String home = environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(path + "/");
        Repo.file("deploy/grafana/dashboards/" + home.substring(path.length() + 1));
    }

    @Test
    void envExampleFeedsEveryInterpolatedVariable() {
        String text = Repo.read("docker-compose.yml");
        Set<String> declared = new LinkedHashSet<>(AppEnvironment.documented());
        declared.addAll(AppEnvironment.composeOnly());
        Matcher m = INTERPOLATION.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(declared)
                    .as("${%s} in docker-compose.yml is declared in .env.example", m.group(1))
                    .contains(m.group(1));
        }
        assertThat(count).isGreaterThan(10);
        AppEnvironment.composeOnly()
                .forEach(name -> assertThat(text)
                        .as(".env.example's compose variable %s is used by docker-compose.yml", name)
                        .contains("${" + name));
    }

    @Test
    void everyAppVariableOfEnvExampleIsReadByTheApp() {
        Set<String> read = AppEnvironment.read();
        AppEnvironment.documented().stream()
                .filter(name -> !AppEnvironment.known(name, Set.of()))
                .forEach(name -> assertThat(read)
                        .as(".env.example documents %s: application.yml or the main code must read it", name)
                        .contains(name));
    }

    private Map<String, String> dependsOn(String service) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Repo.map(Repo.map(services.get(service), service).get("depends_on"), service + " depends_on")
                .forEach((k, v) -> out.put(k, (String) Repo.map(v, k).get("condition")));
        return out;
    }

    /** A service's environment with interpolations resolved to their defaults (as with an empty .env). */
    private Map<String, String> environment(String service) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rawEnvironment(service).forEach((k, v) -> out.put(k, defaults(v)));
        return out;
    }

    private Map<String, String> rawEnvironment(String service) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Repo.map(Repo.map(services.get(service), service).get("environment"), service + " environment")
                .forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    static String defaults(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String op = m.group(2);
            String replacement = op != null && op.endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<Integer> containerPorts(String service) {
        Object ports = Repo.map(services.get(service), service).get("ports");
        return Repo.list(ports, service + " ports").stream()
                .map(p -> defaults(String.valueOf(p)))
                .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1)))
                .toList();
    }

    private Map<String, String> volumes(String service) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Object v : Repo.list(Repo.map(services.get(service), service).get("volumes"), service + " volumes")) {
            String[] parts = String.valueOf(v).split(":");
            out.put(parts[0], parts[1]);
        }
        return out;
    }
}
