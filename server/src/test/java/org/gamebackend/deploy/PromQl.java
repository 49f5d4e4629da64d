package org.gamebackend.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression reads, without a full parser: strings, label matchers ({@code {...}}),
 * ranges and subqueries ({@code [...]}) and label lists of {@code by}/{@code without}/{@code on}/{@code ignoring}/
 * {@code group_left}/{@code group_right} are skipped; what remains is a metric name unless it is a function call
 * (followed by {@code (}), a keyword, a number or a duration. Grafana variables ({@code $var}, {@code ${var}},
 * {@code $__rate_interval}) are skipped too.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan",
            "atan2");
    private static final Set<String> LABEL_LIST_KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQl() {}

    /**
     * What an expression reads: its metric names, the label names each selector matches on ({@code name{a="x"}}),
     * and the labels of its {@code by (...)} clauses.
     */
    record Reads(Set<String> names, Map<String, Set<String>> matchedLabels, Set<String> byLabels) {}

    /** The metric names {@code expr} selects; fails with a clear message on unbalanced brackets or quotes. */
    static Set<String> metricNames(String expr) {
        return reads(expr).names();
    }

    static Reads reads(String expr) {
        Set<String> names = new TreeSet<>();
        Map<String, Set<String>> matched = new TreeMap<>();
        Set<String> by = new TreeSet<>();
        String s = expr;
        if (s.isBlank()) {
            throw new IllegalArgumentException("empty PromQL expression");
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
            } else if (c == '{') {
                i = skipBalanced(s, i, '{', '}');
            } else if (c == '[') {
                i = skipBalanced(s, i, '[', ']');
            } else if (c == '$') {
                i = skipVariable(s, i);
            } else if (c == '#') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                // numbers, durations (5m, 1h30m), hex and exponents: one token, never a name
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
            } else if (isNameStart(c)) {
                int start = i;
                while (i < s.length() && isNamePart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                int next = skipSpaces(s, i);
                boolean call = next < s.length() && s.charAt(next) == '(' || isAggregationWithClause(s, next);
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (LABEL_LIST_KEYWORDS.contains(lower) && call) {
                    int end = skipBalanced(s, next, '(', ')');
                    if (lower.equals("by")) {
                        by.addAll(labelNames(s.substring(next + 1, end - 1), LABEL_LIST));
                    }
                    i = end;
                } else if (!call && !KEYWORDS.contains(lower)) {
                    names.add(word);
                    if (next < s.length() && s.charAt(next) == '{') {
                        int end = skipBalanced(s, next, '{', '}');
                        matched.computeIfAbsent(word, k -> new TreeSet<>())
                                .addAll(labelNames(s.substring(next + 1, end - 1), MATCHER));
                        i = end;
                    }
                }
            } else {
                i++;
            }
        }
        checkParentheses(expr);
        return new Reads(names, matched, by);
    }

    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=~|!~|!=|=)");
    private static final Pattern LABEL_LIST = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)");

    private static Set<String> labelNames(String inside, Pattern pattern) {
        String withoutStrings = inside.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        Set<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(withoutStrings);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /** {@code sum by (x) (...)}: an aggregation whose grouping comes before its argument. */
    private static boolean isAggregationWithClause(String s, int i) {
        int end = i;
        while (end < s.length() && isNamePart(s.charAt(end))) {
            end++;
        }
        String next = s.substring(i, end).toLowerCase(java.util.Locale.ROOT);
        return (next.equals("by") || next.equals("without"))
                && skipSpaces(s, end) < s.length()
                && s.charAt(skipSpaces(s, end)) == '(';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int start) {
        char quote = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unclosed " + quote + " at " + start + " in: " + s);
    }

    private static int skipBalanced(String s, int start, char open, char close) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i) - 1;
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unclosed " + open + " at " + start + " in: " + s);
    }

    /** A Grafana variable: {@code $name} or {@code ${name}}. */
    private static int skipVariable(String s, int start) {
        int i = start + 1;
        if (i < s.length() && s.charAt(i) == '{') {
            return skipBalanced(s, i, '{', '}');
        }
        while (i < s.length() && isNamePart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void checkParentheses(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                throw new IllegalArgumentException("unbalanced ')' at " + i + " in: " + s);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '(' in: " + s);
        }
    }
}
