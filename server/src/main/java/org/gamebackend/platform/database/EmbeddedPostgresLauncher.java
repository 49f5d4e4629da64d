package org.gamebackend.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded PostgreSQL 17 with a data directory that survives restarts. */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {}

    static EmbeddedPostgres start(EmbeddedPostgresProperties props) throws IOException {
        Path dataDir = props.dataDir().toAbsolutePath().normalize();
        Path workDir = props.workDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        stopOrphanedPostmaster(dataDir);
        long start = System.nanoTime();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            log.info("First start: creating a PostgreSQL cluster in {} (takes a few seconds)", dataDir);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false) // the default (true) deletes the data on close
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPort(props.port())
                .setRegisterShutdownHook(false) // Spring closes it after the pool
                .setPGStartupWait(props.startupWait())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .start();
        log.info(
                "Embedded PostgreSQL ready on port {} (data in {}) after {} ms",
                pg.getPort(),
                dataDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        createDatabaseIfMissing(pg, props.database());
        return pg;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) throws IOException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        try (var c = pg.getPostgresDatabase().getConnection();
                var ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (var st = c.createStatement()) {
                        st.execute("create database " + database);
                    }
                    log.info("Created database '{}'", database);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create database " + database, e);
        }
    }

    /** A JVM killed with SIGKILL leaves its postmaster running on the data directory; stop it so a restart works. */
    private static void stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h ->
                            h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .ifPresent(h -> {
                        log.warn("Stopping PostgreSQL (pid {}) left running by an earlier run", pid);
                        h.destroy(); // SIGTERM: smart shutdown
                        h.onExit().orTimeout(15, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check for a leftover PostgreSQL: {}", e.toString());
        }
    }
}
