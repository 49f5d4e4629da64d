package org.gamebackend.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's deployment files, found from the test's working directory (the server module or the root). */
final class Repo {

    private Repo() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("server"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and server/) above " + dir);
    }

    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing " + relative + " in " + root());
        }
        return p;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String relative) {
        return read(file(relative));
    }

    /** Every YAML document of a file, parsed as maps/lists; a syntax error names the file. */
    static List<Object> yamlDocuments(String text, String what) {
        try {
            Yaml yaml = new Yaml(new LoaderOptions());
            return StreamSupport.stream(yaml.loadAll(text).spliterator(), false)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (RuntimeException e) {
            throw new AssertionError(what + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        List<Object> docs = yamlDocuments(read(relative), relative);
        if (docs.size() != 1 || !(docs.getFirst() instanceof Map)) {
            throw new AssertionError(relative + " should hold one YAML mapping");
        }
        return (Map<String, Object>) docs.getFirst();
    }

    static List<Path> list(String relativeDir, String suffix) {
        try (Stream<Path> files = Files.walk(file(relativeDir))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Java source of server/src/main/java, concatenated. */
    static String mainSources() {
        try (Stream<Path> files = Files.walk(file("server/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new AssertionError(what + " should be a mapping but is " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String what) {
        if (!(o instanceof List)) {
            throw new AssertionError(what + " should be a list but is " + o);
        }
        return (List<Object>) o;
    }
}
