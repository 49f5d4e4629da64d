package org.gamebackend.matchmaking.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.LeaveReason;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.PubSub;
import org.gamebackend.realtime.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code party:<party_id>}: members only (a player who leaves or is kicked has their channel closed). Members see each other through presence; {@code ready {ready}} and {@code
 * chat {text}} are broadcast to the party with the sender's id; {@code party_update} comes from {@link PartyService}.
 */
final class PartyChannelHandler implements ChannelHandler {

    static final int MAX_CHAT = 500;

    private final PartyService parties;
    private final PubSub pubSub;
    private final Presence presence;
    private final PartySockets sockets;
    private final Executor blocking;

    PartyChannelHandler(
            PartyService parties, PubSub pubSub, Presence presence, PartySockets sockets, Executor blocking) {
        this.parties = parties;
        this.pubSub = pubSub;
        this.presence = presence;
        this.sockets = sockets;
        this.blocking = blocking;
    }

    @Override
    public String topicPattern() {
        return "party:*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        PartyId id;
        try {
            id = PartyId.parse(channel.subtopic());
        } catch (IllegalArgumentException e) {
            return Reply.error("unauthorized");
        }
        return Reply.later(CompletableFuture.supplyAsync(
                () -> parties.isMember(id, channel.player())
                        ? Reply.ok(parties.get(channel.player(), id))
                        : Reply.error("unauthorized"),
                blocking));
    }

    @Override
    public void afterJoin(ChannelContext channel) {
        sockets.joined(channel);
        presence.track(channel, channel.player().toString(), Map.of("ready", false));
        channel.push("presence_state", presence.list(channel.topic()));
        // a kick between the join's membership check and now found no channel to close: look again
        PartyId id = PartyId.parse(channel.subtopic());
        CompletableFuture.runAsync(
                () -> {
                    if (!parties.isMember(id, channel.player())) {
                        channel.close();
                    }
                },
                blocking);
    }

    @Override
    public void left(ChannelContext channel, LeaveReason reason) {
        sockets.left(channel);
    }

    @Override
    public Reply handleIn(ChannelContext channel, String event, Payload payload) {
        String player = channel.player().toString();
        return switch (event) {
            case "ready" -> {
                JsonNode ready = payload.json().path("ready");
                if (!ready.isBoolean()) {
                    yield QueueEvents.error("bad_request", "ready must be true or false");
                }
                presence.update(channel, player, Map.of("ready", ready.booleanValue()));
                pubSub.broadcast(channel.topic(), "ready", Map.of("player_id", player, "ready", ready.booleanValue()));
                yield Reply.ok();
            }
            case "chat" -> {
                String text = payload.json().path("text").asString("");
                if (text.isBlank() || text.length() > MAX_CHAT) {
                    yield QueueEvents.error("bad_request", "text must be 1.." + MAX_CHAT + " characters");
                }
                pubSub.broadcast(channel.topic(), "chat", Map.of("player_id", player, "text", text));
                yield Reply.ok();
            }
            default -> Reply.error("unhandled event");
        };
    }
}
