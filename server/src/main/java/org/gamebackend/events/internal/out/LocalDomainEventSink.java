package org.gamebackend.events.internal.out;

import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standalone mode: no broker, so an event goes straight into {@code analytics_events} (V8). The row's id is the
 * event's id, so a redelivery changes nothing.
 */
final class LocalDomainEventSink implements DomainEventSink {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LocalDomainEventSink(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void accept(Envelope e) {
        jdbc.sql("""
                        insert into analytics_events (id, type, source, player_id, occurred_at, data)
                        values (?, ?, 'domain', ?, ?, ?::jsonb)
                        on conflict (id) do nothing""")
                .param(e.id())
                .param(e.type())
                .param(e.playerId())
                .param(e.occurredAt().atOffset(ZoneOffset.UTC))
                .param(json.writeValueAsString(e.data()))
                .update();
    }
}
