package org.gamebackend.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every PromQL expression of the Grafana dashboards and the Prometheus alert rules, keyed by where it is. */
final class Queries {

    static final String DASHBOARDS = "deploy/grafana/dashboards";
    static final String ALERTS = "deploy/prometheus/alerts.yml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Grafana's template-variable functions: label_values(metric_or_selector, label), label_values(label), ...
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^\\s*label_values\\((.*?)(?:,\\s*[A-Za-z_]\\w*)?\\)\\s*$");
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$");

    private Queries() {}

    static Map<String, String> dashboards() {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> files = Repo.list(DASHBOARDS, ".json");
        if (files.isEmpty()) {
            throw new AssertionError("no dashboards in " + DASHBOARDS);
        }
        for (Path file : files) {
            JsonNode root;
            try {
                root = JSON.readTree(file.toFile());
            } catch (RuntimeException e) {
                throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
            }
            String name = file.getFileName().toString();
            panels(root.path("panels"), name, out);
            for (JsonNode variable : root.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString(""))) {
                    JsonNode q = variable.path("query");
                    String text = q.isObject() ? q.path("query").asString("") : q.asString("");
                    String expr = variableExpression(text);
                    if (expr != null) {
                        out.put(name + " variable " + variable.path("name").asString(""), expr);
                    }
                }
            }
        }
        return out;
    }

    private static void panels(JsonNode panels, String file, Map<String, String> out) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString("");
                if (expr.isBlank()) {
                    throw new AssertionError(file + " panel '"
                            + panel.path("title").asString("") + "' has a target without a PromQL expr");
                }
                out.put(
                        file + " panel '" + panel.path("title").asString("") + "' "
                                + target.path("refId").asString(""),
                        expr);
            }
            panels(panel.path("panels"), file, out);
        }
    }

    /** The PromQL inside a Grafana variable query, or null for one that reads no metric ({@code label_values(l)}). */
    static String variableExpression(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (m.matches()) {
            String inner = m.group(1).strip();
            return inner.isEmpty() || !query.contains(",") ? null : inner;
        }
        m = QUERY_RESULT.matcher(query);
        return m.matches() ? m.group(1) : query.isBlank() ? null : query;
    }

    static Map<String, String> alerts() {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> file = Repo.yaml(ALERTS);
        for (Object g : Repo.list(file.get("groups"), ALERTS + " groups")) {
            Map<String, Object> group = Repo.map(g, ALERTS + " group");
            for (Object r : Repo.list(group.get("rules"), ALERTS + " group " + group.get("name") + " rules")) {
                Map<String, Object> rule = Repo.map(r, ALERTS + " rule");
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                if (name == null || !(rule.get("expr") instanceof String expr) || expr.isBlank()) {
                    throw new AssertionError(ALERTS + ": every rule needs alert (or record) and expr: " + rule);
                }
                out.put("alert " + name, expr);
            }
        }
        return out;
    }

    /** Metric name → where it is queried. */
    static Map<String, Set<String>> metricNames(Map<String, String> queries) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        queries.forEach((where, expr) -> {
            Set<String> names;
            try {
                names = PromQl.metricNames(expr);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
            names.forEach(n -> out.computeIfAbsent(n, k -> new TreeSet<>()).add(where));
        });
        return out;
    }
}
