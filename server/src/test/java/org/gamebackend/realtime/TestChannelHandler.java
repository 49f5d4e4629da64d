package org.gamebackend.realtime;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code test:*}, a channel for the socket tests only (test sources, picked up by the test context): any player may
 * join; {@code echo} replies with the payload (JSON or binary), {@code shout} broadcasts it to the topic, {@code push}
 * sends it back as a server push, {@code crash} throws, {@code track} and {@code update} put the payload as the
 * player's presence meta.
 */
@Component
class TestChannelHandler implements ChannelHandler {

    private final PubSub pubSub;
    private final Presence presence;

    TestChannelHandler(PubSub pubSub, Presence presence) {
        this.pubSub = pubSub;
        this.presence = presence;
    }

    @Override
    public String topicPattern() {
        return "test:*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        return params.path("refuse").asBoolean(false) ? Reply.error("refused on request") : Reply.ok();
    }

    @Override
    public Reply handleIn(ChannelContext channel, String event, Payload payload) {
        return switch (event) {
            case "echo" -> Reply.ok(payload instanceof Payload.Binary(byte[] bytes) ? bytes : payload.json());
            case "shout" -> {
                pubSub.broadcast(channel.topic(), "shout", payload.json());
                yield Reply.ok();
            }
            case "push" -> {
                channel.push("pushed", payload.json());
                yield Reply.ok();
            }
            case "crash" -> throw new IllegalStateException("this channel crashes on purpose");
            case "track" -> {
                presence.track(
                        channel,
                        channel.player().toString(),
                        Map.of("status", payload.json().path("status").asString()));
                channel.push("presence_state", presence.list(channel.topic()));
                yield Reply.none();
            }
            case "update" -> {
                presence.update(
                        channel,
                        channel.player().toString(),
                        Map.of("status", payload.json().path("status").asString()));
                yield Reply.none();
            }
            default -> Reply.error("unhandled event");
        };
    }
}
