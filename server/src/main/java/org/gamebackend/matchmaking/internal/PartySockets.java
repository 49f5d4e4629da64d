package org.gamebackend.matchmaking.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.realtime.ChannelContext;

/**
 * The {@code party:<id>} channels joined on this node, so that a player who leaves the party or is kicked stops
 * hearing it and can no longer chat in it: their channels on the topic are closed ({@code phx_close}). Local to the
 * node, like the PubSub the party talks through.
 */
final class PartySockets {

    private final Map<String, Set<ChannelContext>> byTopic = new ConcurrentHashMap<>();

    void joined(ChannelContext channel) {
        byTopic.computeIfAbsent(channel.topic(), t -> ConcurrentHashMap.newKeySet())
                .add(channel);
    }

    void left(ChannelContext channel) {
        byTopic.computeIfPresent(channel.topic(), (t, channels) -> {
            channels.remove(channel);
            return channels.isEmpty() ? null : channels;
        });
    }

    /** Closes every channel of the party that {@code player} holds; returns how many. */
    int gone(PartyId party, PlayerId player) {
        Set<ChannelContext> channels = byTopic.getOrDefault(party.topic(), Set.of());
        int closed = 0;
        for (ChannelContext channel : channels) {
            if (channel.player().equals(player)) {
                channel.close();
                closed++;
            }
        }
        return closed;
    }
}
