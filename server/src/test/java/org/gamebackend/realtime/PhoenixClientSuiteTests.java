package org.gamebackend.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the scenarios in {@code src/test/js} with the official {@code phoenix} npm client (Node 20, {@code ws}) against
 * this server: {@code npm ci} when {@code node_modules} is missing, then {@code node --test}. The players and their
 * access tokens are created over REST here and handed over in environment variables.
 */
@ApiTest
class PhoenixClientSuiteTests {

    private static final Logger log = LoggerFactory.getLogger(PhoenixClientSuiteTests.class);
    private static final Path SUITE = Path.of("src/test/js");

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void officialPhoenixClientScenariosPass() throws Exception {
        requireNode();
        if (!Files.isDirectory(SUITE.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), List.of(), new ArrayList<>()))
                    .as("npm ci in %s", SUITE)
                    .isZero();
        }
        List<String> players = IntStream.range(0, 18)
                .mapToObj(i -> Players.register(web, Players.uniqueName("js"), "password-123"))
                .map(t -> "{\"id\":\"%s\",\"token\":\"%s\"}".formatted(t.playerId(), t.accessToken()))
                .toList();
        List<String> env =
                List.of("SOCKET_URL=ws://localhost:" + port + "/socket", "PLAYERS=[" + String.join(",", players) + "]");
        List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
        int exit = run(
                List.of(
                        "node",
                        "--test",
                        "--test-concurrency=1",
                        "--test-timeout=60000",
                        "--test-reporter=spec",
                        "suite/"),
                env,
                output);
        assertThat(exit)
                .as("node --test exit code; the failing scenarios:%n%s", failures(output))
                .isZero();
    }

    private static void requireNode() {
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            node.waitFor(30, TimeUnit.SECONDS);
            assertThat(version).as("node version").startsWith("v");
            log.info("Phoenix client suite on Node {}", version);
        } catch (IOException | InterruptedException e) {
            fail("Node.js (20 or later) must be on the PATH to run the Phoenix client suite in "
                    + SUITE.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /**
     * The part of the spec reporter's output that explains a failure: everything from its "failing tests" summary
     * on, or the last lines when there is no summary (a crash), so that CI shows why without the test log.
     */
    private static String failures(List<String> output) {
        int summary = -1;
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).contains("failing tests:")) {
                summary = i;
            }
        }
        List<String> part = output.subList(summary >= 0 ? summary : Math.max(0, output.size() - 60), output.size());
        return String.join(System.lineSeparator(), part.subList(0, Math.min(part.size(), 120)));
    }

    /**
     * Runs a command in the suite folder, streaming its output into the test log and into {@code output}; returns its
     * exit code.
     */
    private static int run(List<String> command, List<String> env, List<String> output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(new File(SUITE.toString()))
                .redirectErrorStream(true);
        for (String pair : env) {
            int eq = pair.indexOf('=');
            builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Process process = builder.start();
        // the output is read on its own thread so that a hanging process cannot block the timeout below
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(line -> {
                    output.add(line);
                    log.info("[{}] {}", command.getFirst(), line);
                });
            } catch (IOException e) {
                log.warn("Lost the output of {}", command, e);
            }
        });
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            log.warn("{} did not finish; its output so far:{}{}", command, System.lineSeparator(), failures(output));
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 5 minutes");
        }
        reader.join(Duration.ofSeconds(10));
        return process.exitValue();
    }
}
