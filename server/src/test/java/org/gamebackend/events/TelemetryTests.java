package org.gamebackend.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Analytics events pushed on the {@code telemetry} socket topic: the same rules and the same table as REST. */
@ApiTest
class TelemetryTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void eventsPushedOnTheTelemetryTopicAreStoredOnceAndBadOnesChangeNothing() {
        Players.Tokens me = Players.register(web, Players.uniqueName("telemetry"), "password-123");
        try (SocketClient socket = SocketClient.connect(port, me.accessToken())) {
            socket.send("[\"1\",\"1\",\"telemetry\",\"phx_join\",{}]");
            assertThat(reply(socket, "1").get("status").asString()).isEqualTo("ok");

            String a = UUID.randomUUID().toString();
            String b = UUID.randomUUID().toString();
            push(socket, "2", "events", Map.of("events", List.of(event(a, "level.start"), event(b, "level.end"))));
            JsonNode ok = reply(socket, "2");
            assertThat(ok.get("status").asString()).isEqualTo("ok");
            assertThat(ok.get("response").get("accepted").asInt()).isEqualTo(2);

            // one event at a time, sent twice (a client retrying after a lost reply): stored once
            String c = UUID.randomUUID().toString();
            push(socket, "3", "event", event(c, "shop.open"));
            push(socket, "4", "event", event(c, "shop.open"));
            // replies to pushes handled off the event loop may come in either order
            Map<String, JsonNode> both = replies(socket, "3", "4");
            assertThat(both.get("3").get("status").asString()).isEqualTo("ok");
            assertThat(both.get("4").get("status").asString()).isEqualTo("ok");
            assertThat(stored(me)).isEqualTo(3);

            // a batch with one bad event is refused whole, with the REST error's code and the field
            push(
                    socket,
                    "5",
                    "events",
                    Map.of(
                            "events",
                            List.of(event(UUID.randomUUID().toString(), "fine"), event("not-a-uuid", "fine"))));
            JsonNode refused = reply(socket, "5");
            assertThat(refused.get("status").asString()).isEqualTo("error");
            assertThat(refused.get("response").get("field").asString()).isEqualTo("events[1].id");
            assertThat(refused.get("response").get("reason").asString()).isNotBlank();

            push(
                    socket,
                    "6",
                    "event",
                    Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "type",
                            "BAD TYPE",
                            "at",
                            Instant.now().toString(),
                            "data",
                            Map.of()));
            JsonNode single = reply(socket, "6");
            assertThat(single.get("status").asString()).isEqualTo("error");
            assertThat(single.get("response").get("field").asString()).isEqualTo("type");

            push(socket, "7", "shout", Map.of());
            assertThat(reply(socket, "7").get("response").get("reason").asString())
                    .isEqualTo("unknown_event");
            assertThat(stored(me)).isEqualTo(3);
        }
    }

    private long stored(Players.Tokens player) {
        return jdbc.sql("select count(*) from analytics_events where player_id = ?::uuid and source = 'client'")
                .param(player.playerId())
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> event(String id, String type) {
        return Map.of("id", id, "type", type, "at", Instant.now().toString(), "data", Map.of("level", 3));
    }

    private static void push(SocketClient socket, String ref, String event, Object payload) {
        socket.send(JSON.writeValueAsString(List.of("1", ref, "telemetry", event, payload)));
    }

    private static Map<String, JsonNode> replies(SocketClient socket, String... refs) {
        Map<String, JsonNode> found = new java.util.HashMap<>();
        List<String> wanted = List.of(refs);
        for (int i = 0; i < 100 && found.size() < refs.length; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")
                    && wanted.contains(frame.get(1).asString())) {
                found.put(frame.get(1).asString(), frame.get(4));
            }
        }
        assertThat(found).containsOnlyKeys(refs);
        return found;
    }

    private static JsonNode reply(SocketClient socket, String ref) {
        for (int i = 0; i < 100; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")
                    && ref.equals(frame.get(1).asString())) {
                return frame.get(4);
            }
        }
        throw new AssertionError("no reply to " + ref);
    }
}
