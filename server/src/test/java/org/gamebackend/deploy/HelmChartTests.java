package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * helm/game-backend without the helm binary: each template renders (minimally) to YAML that parses, every
 * {@code .Values} path a template reads exists in values.yaml and every value is read somewhere, the Deployment's
 * probes, port, preStop and grace period fit the app, and the ConfigMap/Secret carry variables the app reads.
 */
class HelmChartTests {

    static final String CHART = "helm/game-backend";

    final Map<String, Object> values = Repo.yaml(CHART + "/values.yaml");

    @Test
    void theChartIsAHelm3Chart() {
        Map<String, Object> chart = Repo.yaml(CHART + "/Chart.yaml");
        assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "game-backend");
        assertThat((String) chart.get("version")).matches("\\d+\\.\\d+\\.\\d+(-[\\w.]+)?");
        assertThat(chart).containsKey("appVersion");
        Repo.file(CHART + "/templates/NOTES.txt");
        Repo.file(CHART + "/templates/_helpers.tpl");
    }

    @Test
    void everyTemplateIsBalancedAndRendersToYaml() {
        Map<String, Map<String, Object>> kinds = rendered();
        assertThat(kinds.keySet())
                .contains(
                        "Deployment",
                        "Service",
                        "Ingress",
                        "Secret",
                        "ConfigMap",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "ServiceMonitor",
                        "ServiceAccount");
        kinds.forEach((kind, doc) -> assertThat(doc).as(kind).containsKeys("apiVersion", "metadata"));
    }

    @Test
    void everyValueReadExistsAndEveryValueIsRead() {
        Set<String> referenced = new LinkedHashSet<>();
        for (Path file : Repo.list(CHART + "/templates", "")) {
            if (file.toFile().isFile()) {
                String text = Repo.read(file);
                HelmTemplates.checkStructure(file.getFileName().toString(), text);
                for (String ref : HelmTemplates.valuesReferences(text)) {
                    assertThat(HelmTemplates.exists(values, ref))
                            .as("%s reads .Values%s, which values.yaml does not define", file.getFileName(), ref)
                            .isTrue();
                    referenced.add(ref);
                }
            }
        }
        values.keySet()
                .forEach(top -> assertThat(
                                referenced.stream().anyMatch(r -> r.equals("." + top) || r.startsWith("." + top + ".")))
                        .as("values.yaml key %s is read by some template", top)
                        .isTrue());
    }

    @Test
    void theDeploymentFitsTheApp() {
        Map<String, Object> deployment = rendered().get("Deployment");
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        Map<String, Object> container =
                Repo.map(Repo.list(pod.get("containers"), "containers").getFirst(), "c");

        Map<String, Object> port =
                Repo.map(Repo.list(container.get("ports"), "ports").getFirst(), "port");
        assertThat(port).containsEntry("name", "http").containsEntry("containerPort", 4000);
        assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/health/liveness");
        assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", "/health/readiness");
        assertThat(map(map(container, "startupProbe"), "httpGet")).containsEntry("path", "/health/liveness");

        List<Object> preStop = Repo.list(
                map(map(map(container, "lifecycle"), "preStop"), "exec").get("command"), "c");
        assertThat(preStop.getFirst()).isEqualTo("sleep");
        int preStopSeconds = Integer.parseInt(String.valueOf(preStop.get(1)));
        Duration phase = DurationStyle.detectAndParse(
                (String) map(map(Repo.yaml("server/src/main/resources/application.yml"), "spring"), "lifecycle")
                        .get("timeout-per-shutdown-phase"));
        int grace = ((Number) pod.get("terminationGracePeriodSeconds")).intValue();
        assertThat(grace)
                .as("preStop + web drain + suspending matches (two shutdown phases) fit the grace period")
                .isGreaterThan(preStopSeconds + 2 * (int) phase.toSeconds());

        assertThat(map(values, "podSecurityContext")).containsEntry("runAsNonRoot", true);
        assertThat(Repo.read("Dockerfile"))
                .contains("USER " + map(values, "podSecurityContext").get("runAsUser"));
        assertThat(map(values, "securityContext")).containsEntry("readOnlyRootFilesystem", true);
        assertThat(Repo.list(container.get("volumeMounts"), "mounts"))
                .anySatisfy(m -> assertThat(Repo.map(m, "mount")).containsEntry("mountPath", "/tmp"));
        assertThat(map(values, "resources")).containsKeys("requests", "limits");
        assertThat(Repo.read(CHART + "/templates/deployment.yaml"))
                .contains("configMapRef", "secretRef", "name: GAME_MODE");
    }

    @Test
    void theIngressKeepsSocketsOpenAndTheServiceMonitorScrapesMetrics() {
        Map<String, Object> annotations = map(map(values, "ingress"), "annotations");
        long readTimeout = Long.parseLong((String) annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertThat(readTimeout)
                .as("an idle socket outlives the app's idle timeout at the proxy")
                .isGreaterThan(DurationStyle.detectAndParse("60s").toSeconds());
        assertThat(annotations).containsKey("nginx.ingress.kubernetes.io/proxy-send-timeout");
        Map<String, Object> endpoint = Repo.map(
                Repo.list(map(rendered().get("ServiceMonitor"), "spec").get("endpoints"), "endpoints")
                        .getFirst(),
                "endpoint");
        assertThat(endpoint).containsEntry("path", "/metrics").containsEntry("port", "http");
    }

    @Test
    void theConfigMapAndSecretCarryVariablesTheAppReads() {
        Set<String> documented = AppEnvironment.documented();
        Set<String> names = new LinkedHashSet<>(map(values, "config").keySet());
        names.addAll(map(values, "secrets").keySet());
        names.remove("existingSecret");
        names.forEach(name -> assertThat(AppEnvironment.known(name, documented))
                .as("values.yaml passes %s, which the app does not read", name)
                .isTrue());
        assertThat(map(values, "secrets")).containsKeys("DATABASE_URL", "JWT_SECRET", "RABBITMQ_URL");
    }

    @Test
    void theMiniRendererSeesMissingValuesAndBrokenBlocks() {
        assertThat(HelmTemplates.exists(values, ".service.port")).isTrue();
        assertThat(HelmTemplates.exists(values, ".service.nope")).isFalse();
        assertThatThrownBy(() -> HelmTemplates.checkStructure("t", "{{- if .Values.a }}\nx: 1\n"))
                .hasMessageContaining("without {{ end }}");
        assertThatThrownBy(() -> HelmTemplates.checkStructure("t", "x: {{ .Values.a }\n"))
                .hasMessageContaining("'}}'");
        assertThat(HelmTemplates.render("port: {{ .Values.service.port }}\n{{- if x }}\n", values))
                .isEqualTo("port: 4000\n");
    }

    /** Every rendered document by kind (one of each here). */
    private Map<String, Map<String, Object>> rendered() {
        Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
        for (Path file : Repo.list(CHART + "/templates", ".yaml")) {
            String text = HelmTemplates.render(Repo.read(file), values);
            for (Object doc : Repo.yamlDocuments(text, file + " (rendered)")) {
                Map<String, Object> d = Repo.map(doc, file.toString());
                byKind.put((String) d.get("kind"), d);
            }
        }
        return byKind;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child == null ? new HashMap<>() : Repo.map(child, key);
    }
}
