package org.gamebackend.events.internal.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a batch into {@code analytics_events} with one statement (arrays through {@code unnest}), so the batch is one
 * round trip and one transaction; an id already stored is skipped, which makes redelivery harmless.
 */
final class AnalyticsWriter {

    private static final String INSERT = """
            insert into analytics_events (id, type, source, player_id, occurred_at, data)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::timestamptz[], ?::jsonb[])
            on conflict (id) do nothing
            """;

    private final JdbcTemplate jdbc;
    private final IngestMetrics metrics;

    AnalyticsWriter(JdbcTemplate jdbc, IngestMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Returns how many events were new. */
    int write(List<AnalyticsEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Integer inserted = jdbc.execute((ConnectionCallback<Integer>) c -> insert(c, events));
        int stored = inserted == null ? 0 : inserted;
        metrics.stored(events.getFirst().source(), events.size(), stored);
        return stored;
    }

    private static int insert(Connection c, List<AnalyticsEvent> events) throws SQLException {
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] players = new String[n];
        String[] times = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            AnalyticsEvent e = events.get(i);
            ids[i] = e.id().toString();
            types[i] = e.type();
            sources[i] = e.source().column();
            players[i] = e.playerId() == null ? null : e.playerId().toString();
            times[i] = e.occurredAt().toString();
            data[i] = e.data();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            String[][] columns = {ids, types, sources, players, times, data};
            for (int i = 0; i < columns.length; i++) {
                Array array = c.createArrayOf("text", columns[i]);
                ps.setArray(i + 1, array);
            }
            return ps.executeUpdate();
        }
    }
}
