package org.gamebackend.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads Prometheus's text format as the app writes it. */
final class Scrape {

    private Scrape() {}

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
}
