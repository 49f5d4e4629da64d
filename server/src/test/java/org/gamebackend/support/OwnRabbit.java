package org.gamebackend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own, on a free port with its data in a temporary directory: a real broker that a test
 * may stop and start again without disturbing this machine's shared one (port 5672) or anyone else using it. Durable
 * queues and persistent messages survive its restarts, as they would a production broker's.
 *
 * <p>Needs {@code rabbitmq-server} and {@code rabbitmqctl} (Debian's package, as on the CI machine); the package's
 * wrapper runs the node as the {@code rabbitmq} user, so the data directory is handed to that user.
 */
public final class OwnRabbit implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final String node;
    private Process process;

    private OwnRabbit(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.node = "gbtest" + port + "@localhost";
    }

    /** Starts a fresh node and returns once it accepts connections. */
    public static OwnRabbit start() {
        try {
            Path dir = Files.createTempDirectory("gb-rabbit-");
            int port = freePort();
            Files.writeString(
                    dir.resolve("node.conf"),
                    "listeners.tcp.default = 127.0.0.1:" + port + "\n"
                            + "loopback_users = none\n"
                            + "log.console = false\n");
            Files.writeString(dir.resolve("plugins"), "[].\n");
            OwnRabbit rabbit = new OwnRabbit(dir, port);
            rabbit.chownToRabbitmq();
            rabbit.startNode();
            return rabbit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    /** Stops the node (its queues and persistent messages stay on disk) and returns once the port is closed. */
    public void stop() {
        run(List.of("rabbitmqctl", "-n", node, "stop"));
        process.destroy();
        waitUntil(() -> !listening(), Duration.ofSeconds(60), "RabbitMQ node " + node + " did not stop");
    }

    /** Starts the node again on the same port and data. */
    public void restart() {
        startNode();
    }

    @Override
    public void close() {
        try {
            if (listening()) {
                stop();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory: the OS cleans up what is left
            }
        }
    }

    private void startNode() {
        ProcessBuilder builder = new ProcessBuilder("rabbitmq-server")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("node.conf").toString());
        env.put("RABBITMQ_DIST_PORT", String.valueOf(freePort()));
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("plugins").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run rabbitmq-server (is RabbitMQ installed?)", e);
        }
        waitUntil(this::listening, START_TIMEOUT, "RabbitMQ node " + node + " did not start; see " + dir);
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void chownToRabbitmq() throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setOwner(p, users.lookupPrincipalByName("rabbitmq"));
            }
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, Duration timeout, String failure) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(failure);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
