package org.gamebackend.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the app reads, as the deployment files must name them: {@code .env.example}'s app
 * section (everything above its "docker compose stack" section), each of which the app really reads (a placeholder
 * in {@code application.yml} or a name looked up in the main code); plus Spring's relaxed-binding names for any
 * property ({@code SPRING_*}, {@code SERVER_*}, {@code MANAGEMENT_*}, {@code JOBRUNR_*}, docs/configuration.md) and
 * the JVM's own {@code JDK_JAVA_OPTIONS}/{@code JAVA_TOOL_OPTIONS}.
 */
final class AppEnvironment {

    static final String COMPOSE_SECTION = "# --- docker compose stack";
    private static final Pattern KEY = Pattern.compile("^([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Set<String> RELAXED_PREFIXES = Set.of("SPRING_", "SERVER_", "MANAGEMENT_", "JOBRUNR_");
    private static final Set<String> JVM = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private AppEnvironment() {}

    /** The app section of .env.example. */
    static Set<String> documented() {
        String text = Repo.read(".env.example");
        int compose = text.indexOf(COMPOSE_SECTION);
        if (compose < 0) {
            throw new AssertionError(".env.example has no '" + COMPOSE_SECTION + "' section");
        }
        return keys(text.substring(0, compose));
    }

    /** The compose section of .env.example. */
    static Set<String> composeOnly() {
        String text = Repo.read(".env.example");
        return keys(text.substring(text.indexOf(COMPOSE_SECTION)));
    }

    static Set<String> keys(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Names the app reads: application.yml placeholders and quoted upper-case names in the main code. */
    static Set<String> read() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(Repo.read("server/src/main/resources/application.yml"));
        while (m.find()) {
            out.add(m.group(1));
        }
        Matcher q = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|PORT)\"").matcher(Repo.mainSources());
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    /** Whether a deployment may set {@code name} for the app. */
    static boolean known(String name, Set<String> documented) {
        return documented.contains(name)
                || JVM.contains(name)
                || RELAXED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
