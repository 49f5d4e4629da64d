package org.gamebackend.realtime.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.Reply;
import org.gamebackend.realtime.UserEvents;
import tools.jackson.databind.JsonNode;

/**
 * {@code user:<player_id>}: a player's private topic, joinable by that player only. Other modules reach a player by
 * broadcasting on it (for example {@code match_found}).
 */
final class UserChannelHandler implements ChannelHandler {

    static final String PREFIX = "user:";

    private final Map<String, UserEvents> byEvent = new HashMap<>();

    UserChannelHandler(List<UserEvents> extensions) {
        for (UserEvents e : extensions) {
            for (String event : e.events()) {
                if (byEvent.putIfAbsent(event, e) != null) {
                    throw new IllegalStateException("two handlers for the user: event " + event);
                }
            }
        }
    }

    @Override
    public String topicPattern() {
        return PREFIX + "*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        return channel.topic().equals(PREFIX + channel.player()) ? Reply.ok() : Reply.error("unauthorized");
    }

    @Override
    public Reply handleIn(ChannelContext channel, String event, Payload payload) {
        UserEvents handler = byEvent.get(event);
        return handler == null ? Reply.error("unhandled event") : handler.handle(channel, event, payload);
    }
}
