package org.gamebackend.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal stand-in for {@code helm template}, enough to parse the output as YAML: comments go, lines holding only
 * actions (control flow, {@code include ... | nindent}, {@code toYaml}) go, and inline actions become the scalar
 * they name in values.yaml ({@code {{ .Values.a.b | quote }}}) or a placeholder. Every branch of an {@code if} is
 * kept, so both sides must be valid YAML.
 */
final class HelmTemplates {

    static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
    static final Pattern VALUES_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern COMMENT = Pattern.compile("\\{\\{-?\\s*/\\*.*?\\*/\\s*-?}}", Pattern.DOTALL);
    private static final Pattern BLOCK_START = Pattern.compile("^(if|with|range|define|block)\\b");
    private static final Pattern SIMPLE_VALUE =
            Pattern.compile("^\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)(\\s*\\|.*)?$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HelmTemplates() {}

    static String render(String template, Map<String, Object> values) {
        String text = COMMENT.matcher(template).replaceAll("");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (ACTION.matcher(line).replaceAll("").isBlank() && line.contains("{{")) {
                continue;
            }
            Matcher m = ACTION.matcher(line);
            StringBuilder rendered = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(rendered, Matcher.quoteReplacement(inline(m.group(1), values)));
            }
            m.appendTail(rendered);
            out.add(rendered.toString());
        }
        return String.join("\n", out);
    }

    private static String inline(String action, Map<String, Object> values) {
        Matcher m = SIMPLE_VALUE.matcher(action);
        if (m.matches()) {
            Object value = lookup(values, m.group(1));
            if (value != null && !(value instanceof Map) && !(value instanceof List)) {
                String s = String.valueOf(value);
                return m.group(2) != null && m.group(2).contains("quote") ? JSON.writeValueAsString(s) : s;
            }
        }
        return action.contains("quote") ? "\"x\"" : "x";
    }

    /** The value at a dotted path ({@code .a.b}), or null when a segment is missing. */
    static Object lookup(Map<String, Object> values, String dotted) {
        Object current = values;
        for (String key : dotted.substring(1).split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return null;
            }
            current = map.get(key);
        }
        return current == null ? "" : current;
    }

    static boolean exists(Map<String, Object> values, String dotted) {
        return lookup(values, dotted) != null;
    }

    static Set<String> valuesReferences(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher actions = ACTION.matcher(template);
        while (actions.find()) {
            Matcher m = VALUES_REF.matcher(actions.group(1));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Fails on unbalanced delimiters or blocks without their {@code end}. */
    static void checkStructure(String name, String template) {
        int opens = count(template, "{{");
        int closes = count(template, "}}");
        if (opens != closes) {
            throw new AssertionError(name + ": " + opens + " '{{' but " + closes + " '}}'");
        }
        int depth = 0;
        Matcher m = ACTION.matcher(template);
        while (m.find()) {
            String action = m.group(1).strip();
            if (BLOCK_START.matcher(action).find()) {
                depth++;
            } else if (action.equals("end")) {
                depth--;
                if (depth < 0) {
                    throw new AssertionError(name + ": an {{ end }} without its block near " + m.start());
                }
            }
        }
        if (depth != 0) {
            throw new AssertionError(name + ": " + depth + " block(s) without {{ end }}");
        }
    }

    private static int count(String s, String token) {
        int n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
