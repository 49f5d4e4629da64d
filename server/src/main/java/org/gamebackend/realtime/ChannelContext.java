package org.gamebackend.realtime;

import org.gamebackend.accounts.PlayerId;

/** One joined channel: a topic on one player's socket, as its {@link ChannelHandler} sees it. */
public interface ChannelContext {

    String topic();

    /** The authenticated player of the socket. */
    PlayerId player();

    /** The part of the topic after the first {@code :} ({@code "42"} for {@code "match:42"}), or {@code ""}. */
    default String subtopic() {
        String topic = topic();
        int colon = topic.indexOf(':');
        return colon < 0 ? "" : topic.substring(colon + 1);
    }

    /**
     * Sends a server push ({@code [join_ref, null, topic, event, payload]}) to this channel only. A {@code byte[]}
     * payload goes out as a V2 binary push; anything else is JSON-encoded. Safe to call from any thread; dropped when
     * the socket's outbound buffer is full.
     */
    void push(String event, Object payload);

    /** Whether the channel is still joined. */
    boolean joined();

    /**
     * Ends this channel from the server, as a Phoenix channel process that stops normally: the client gets {@code
     * phx_close} (the official client then considers the channel closed and does not rejoin), its presences are
     * removed, and the handler's {@code left} is called with {@link LeaveReason#CLOSED}. Pushes from the client on
     * the topic get an error reply from then on. Safe to call from any thread; nothing happens if already ended.
     */
    void close();
}
