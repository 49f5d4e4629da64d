package org.gamebackend.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The channel rules of PHOENIX_PROTOCOL.md section 3, frame by frame, with a plain WebSocket client: the exact frames
 * Phoenix sends for heartbeat, join, duplicate join, stale join_ref, leave, unmatched topics and crashes.
 */
@ApiTest
class PhoenixProtocolTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    Players.Tokens player;

    @BeforeEach
    void player() {
        player = Players.register(web, Players.uniqueName("proto"), "password-123");
    }

    @Test
    void heartbeatIsAnsweredOnThePhoenixTopicWithoutJoinRef() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[null,\"7\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(socket.next())
                    .isEqualTo("[null,\"7\",\"phoenix\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]");
        }
    }

    @Test
    void joinLeaveAndTheirReplies() {
        String topic = "user:" + player.playerId();
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"3\",\"3\",\"" + topic + "\",\"phx_join\",{}]");
            assertThat(socket.next()).isEqualTo(reply("3", "3", topic, "ok", "{}"));
            socket.send("[\"3\",\"4\",\"" + topic + "\",\"phx_leave\",{}]");
            assertThat(socket.next()).isEqualTo(reply("3", "4", topic, "ok", "{}"));
            assertThat(socket.next()).isEqualTo("[\"3\",\"3\",\"" + topic + "\",\"phx_close\",{}]");
            // leaving a topic that is not joined: only the ok reply
            socket.send("[\"3\",\"5\",\"" + topic + "\",\"phx_leave\",{}]");
            assertThat(socket.next()).isEqualTo(reply("3", "5", topic, "ok", "{}"));
            socket.expectNothing();
        }
    }

    @Test
    void refusedJoinsEchoTheJoinRefButUnmatchedTopicsDoNot() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"1\",\"1\",\"user:00000000-0000-0000-0000-000000000000\",\"phx_join\",{}]");
            assertThat(socket.next())
                    .isEqualTo(reply(
                            "1",
                            "1",
                            "user:00000000-0000-0000-0000-000000000000",
                            "error",
                            "{\"reason\":\"unauthorized\"}"));
            socket.send("[\"2\",\"2\",\"nowhere:1\",\"phx_join\",{}]");
            assertThat(socket.next())
                    .isEqualTo(reply(null, "2", "nowhere:1", "error", "{\"reason\":\"unmatched topic\"}"));
            socket.send("[null,\"3\",\"test:notjoined\",\"echo\",{}]");
            assertThat(socket.next())
                    .isEqualTo(reply(null, "3", "test:notjoined", "error", "{\"reason\":\"unmatched topic\"}"));
        }
    }

    @Test
    void aSecondJoinClosesTheFirstAndStaleJoinRefsAreIgnored() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"1\",\"1\",\"test:dup\",\"phx_join\",{}]");
            assertThat(socket.next()).isEqualTo(reply("1", "1", "test:dup", "ok", "{}"));
            socket.send("[\"2\",\"2\",\"test:dup\",\"phx_join\",{}]");
            assertThat(socket.next()).isEqualTo("[\"1\",\"1\",\"test:dup\",\"phx_close\",{}]");
            assertThat(socket.next()).isEqualTo(reply("2", "2", "test:dup", "ok", "{}"));
            socket.send("[\"1\",\"3\",\"test:dup\",\"echo\",{\"stale\":true}]");
            socket.expectNothing();
            socket.send("[\"2\",\"4\",\"test:dup\",\"echo\",{\"n\":4}]");
            assertThat(socket.next()).isEqualTo(reply("2", "4", "test:dup", "ok", "{\"n\":4}"));
        }
    }

    @Test
    void aCrashingChannelGetsPhxErrorAndTheOthersLive() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"1\",\"1\",\"test:a\",\"phx_join\",{}]");
            socket.send("[\"2\",\"2\",\"test:b\",\"phx_join\",{}]");
            socket.next();
            socket.next();
            socket.send("[\"1\",\"3\",\"test:a\",\"crash\",{}]");
            assertThat(socket.next()).isEqualTo("[\"1\",\"1\",\"test:a\",\"phx_error\",{}]");
            socket.send("[\"2\",\"4\",\"test:b\",\"echo\",{}]");
            assertThat(socket.next()).isEqualTo(reply("2", "4", "test:b", "ok", "{}"));
            socket.send("[\"1\",\"5\",\"test:a\",\"echo\",{}]");
            assertThat(socket.next())
                    .isEqualTo(reply(null, "5", "test:a", "error", "{\"reason\":\"unmatched topic\"}"));
        }
    }

    @Test
    void binaryPushesGetBinaryRepliesAndServerPushesCarryNoRef() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"6\",\"6\",\"test:bin\",\"phx_join\",{}]");
            socket.next();
            // kind 0 push: join_ref "6", ref "8", topic "test:bin", event "echo", payload {"n":1}
            socket.sendBinary(
                    HexFormat.of().parseHex("0001010804363874657374 3a62696e6563686f7b226e223a317d".replace(" ", "")));
            assertThat(HexFormat.of().formatHex(socket.nextBinary()))
                    .isEqualTo("01010108023638746573743a62696e6f6b7b226e223a317d");
            socket.send("[\"6\",\"9\",\"test:bin\",\"push\",{\"x\":1}]");
            assertThat(socket.next()).isEqualTo("[\"6\",null,\"test:bin\",\"pushed\",{\"x\":1}]");
            assertThat(socket.next()).isEqualTo(reply("6", "9", "test:bin", "ok", "{}"));
        }
    }

    @Test
    void presenceStateAndDiffsHaveTheShapesOfPhoenixPresence() {
        var other = Players.register(web, Players.uniqueName("peer"), "password-123");
        String topic = "test:presence-" + player.playerId();
        String me = player.playerId();
        try (var socket = SocketClient.connect(port, player.accessToken());
                var peer = SocketClient.connect(port, other.accessToken())) {
            peer.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
            peer.next();
            socket.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
            socket.next();
            socket.send("[\"1\",\"2\",\"" + topic + "\",\"track\",{\"status\":\"away\"}]");
            String join = peer.next();
            assertThat(join)
                    .matches("\\[null,null,\"" + topic + "\",\"presence_diff\",\\{\"(joins|leaves)\".*")
                    .contains("\"leaves\":{}")
                    .containsPattern("\"joins\":\\{\"" + me
                            + "\":\\{\"metas\":\\[\\{\"status\":\"away\",\"phx_ref\":\"[A-Za-z0-9_-]{16}\"}]}}");
            assertThat(socket.next()).contains("presence_diff"); // the tracking socket gets the broadcast too
            assertThat(socket.next())
                    .startsWith("[\"1\",null,\"" + topic + "\",\"presence_state\",{\"" + me + "\":{\"metas\":[{");
            String ref = join.replaceAll(".*\"phx_ref\":\"([^\"]+)\".*", "$1");

            socket.send("[\"1\",\"3\",\"" + topic + "\",\"update\",{\"status\":\"here\"}]");
            String update = peer.next();
            assertThat(update)
                    .contains("\"leaves\":{\"" + me + "\":{\"metas\":[{\"status\":\"away\",\"phx_ref\":\"" + ref
                            + "\"}]}}")
                    .containsPattern(
                            "\"joins\":\\{\"" + me + "\":\\{\"metas\":\\[\\{\"status\":\"here\",\"phx_ref\":\"[^\"]+\","
                                    + "\"phx_ref_prev\":\"" + ref + "\"}]}}");

            socket.close(); // the socket dies: its presence leaves
            assertThat(peer.next()).contains("\"joins\":{}", "\"leaves\":{\"" + me + "\"", "\"status\":\"here\"");
        }
    }

    @Test
    void badFramesGetAnErrorReplyWhenTheRefCanBeReadAndACloseOtherwise() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[null,\"1\",\"test:x\",\"echo\"]");
            assertThat(socket.next())
                    .startsWith("[null,\"1\",\"test:x\",\"phx_reply\",{\"status\":\"error\",\"response\":{");
            socket.send("[null,\"2\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(socket.next()).contains("\"2\"", "\"ok\"");
            socket.send("{not json");
            assertThat(socket.closeCode()).isEqualTo(1007);
        }
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.sendBinary(new byte[] {2, 1, 1, 'a', 'b'});
            assertThat(socket.closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void tooManyChannelsGetPhoenixsErrorReply() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            for (int i = 1; i <= 100; i++) {
                socket.send("[\"%d\",\"%d\",\"test:many-%d\",\"phx_join\",{}]".formatted(i, i, i));
            }
            for (int i = 1; i <= 100; i++) {
                assertThat(socket.next()).contains("\"ok\"");
            }
            socket.send("[\"101\",\"101\",\"test:many-101\",\"phx_join\",{}]");
            assertThat(socket.next())
                    .isEqualTo(
                            reply("101", "101", "test:many-101", "error", "{\"reason\":\"too many channels joined\"}"));
        }
    }

    @Test
    void thePhoenixSubprotocolIsSelectedInWhateverPositionItIsOffered() {
        try (var socket = SocketClient.connect(port, player.accessToken(), "phoenix", "other")) {
            assertThat(socket.subprotocol()).isEqualTo("phoenix");
        }
        try (var socket = SocketClient.connect(port, player.accessToken(), "other", "phoenix")) {
            assertThat(socket.subprotocol()).isEqualTo("phoenix");
        }
        String encoded = java.util.Base64.getEncoder()
                .withoutPadding()
                .encodeToString(player.accessToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var socket = SocketClient.open(port, "vsn=2.0.0", "base64url.bearer.phx." + encoded, "phoenix")) {
            assertThat(socket.subprotocol()).isEqualTo("phoenix");
            socket.send("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(socket.next()).contains("phx_reply");
        }
    }

    @Test
    void metricsCountJoinsMessagesAndConnections() {
        try (var socket = SocketClient.connect(port, player.accessToken())) {
            socket.send("[\"1\",\"1\",\"user:" + player.playerId() + "\",\"phx_join\",{}]");
            socket.next();
            socket.send("[null,\"2\",\"phoenix\",\"heartbeat\",{}]");
            socket.next();
            String metrics = Metrics.scrape(port);
            assertThat(metrics)
                    .containsPattern("phoenix_channel_join_total\\{[^}]*result=\"ok\"[^}]*topic=\"user\"[^}]*} [1-9]")
                    .containsPattern("phoenix_channel_message_total\\{[^}]*event=\"heartbeat\"[^}]*} [1-9]")
                    .containsPattern("phoenix_connections\\{[^}]*} [1-9]")
                    .contains("phoenix_outbound_dropped_total", "phoenix_slow_consumer_disconnects_total")
                    .contains("phoenix_broadcast_fanout_seconds_count");
        }
    }

    private static String reply(String joinRef, String ref, String topic, String status, String response) {
        return "[%s,\"%s\",\"%s\",\"phx_reply\",{\"status\":\"%s\",\"response\":%s}]"
                .formatted(joinRef == null ? "null" : "\"" + joinRef + "\"", ref, topic, status, response);
    }
}
