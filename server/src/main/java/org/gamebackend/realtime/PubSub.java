package org.gamebackend.realtime;

/**
 * Broadcast to every socket that joined a topic, as {@code [null, null, topic, event, payload]}. The message is
 * serialized once and the same bytes are written to every subscriber. Delivery is local to this node; a cluster
 * adapter relays the same calls between nodes. Safe to call from any thread; never blocks on a slow client.
 */
public interface PubSub {

    /** A {@code byte[]} payload goes out as a V2 binary broadcast; anything else is JSON-encoded. */
    void broadcast(String topic, String event, Object payload);

    /** Like {@link #broadcast} but skips {@code from} (Phoenix's {@code broadcast_from}). */
    void broadcastFrom(ChannelContext from, String event, Object payload);
}
