package org.gamebackend.realtime.internal;

import java.time.Clock;
import java.util.Map;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code lobby:<mode>}: who is online for a game mode. Any player may join; the joiner is tracked under their player
 * id with {@code online_at} (ms) and gets {@code presence_state}; everyone gets {@code presence_diff}.
 */
final class LobbyChannelHandler implements ChannelHandler {

    private final Presence presence;
    private final Clock clock;

    LobbyChannelHandler(Presence presence, Clock clock) {
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public String topicPattern() {
        return "lobby:*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        return channel.subtopic().isEmpty() ? Reply.error("a lobby topic is lobby:<mode>") : Reply.ok();
    }

    @Override
    public void afterJoin(ChannelContext channel) {
        presence.track(channel, channel.player().toString(), Map.of("online_at", clock.millis()));
        channel.push("presence_state", presence.list(channel.topic()));
    }
}
