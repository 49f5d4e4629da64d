package org.gamebackend.realtime.internal;

import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code user:<player_id>}: a player's private topic, joinable by that player only. Other modules reach a player by
 * broadcasting on it (for example {@code match_found}).
 */
final class UserChannelHandler implements ChannelHandler {

    static final String PREFIX = "user:";

    @Override
    public String topicPattern() {
        return PREFIX + "*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        return channel.topic().equals(PREFIX + channel.player()) ? Reply.ok() : Reply.error("unauthorized");
    }
}
