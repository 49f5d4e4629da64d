package org.gamebackend.platform.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of standalone mode.
 *
 * @param dataDir PGDATA, kept between runs
 * @param workDir where the PostgreSQL binaries are unpacked
 * @param port TCP port on localhost (0 picks a free one)
 * @param database created on first start
 * @param startupWait how long to wait for PostgreSQL to accept connections
 */
@ConfigurationProperties("game.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("./data/pg") Path dataDir,
        @DefaultValue("./data/pg-bin") Path workDir,
        @DefaultValue("54329") int port,
        @DefaultValue("game") String database,
        @DefaultValue("60s") Duration startupWait) {}
