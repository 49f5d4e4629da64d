package org.gamebackend.realtime;

import tools.jackson.databind.JsonNode;

/**
 * The server side of one kind of channel, registered as a bean for a topic pattern. Every callback for one socket runs
 * on that socket's event-loop thread: keep them short and never block. A callback that throws is a channel crash: the
 * client gets {@code phx_error} for that topic only, and the socket and its other channels stay up.
 */
public interface ChannelHandler {

    /**
     * The topics this handler serves: an exact topic ({@code "lobby"}) or a prefix ending in {@code *}
     * ({@code "user:*"}). The most specific pattern wins; two handlers for one pattern fail the start.
     */
    String topicPattern();

    /**
     * Decides a {@code phx_join}. {@link Reply.Ok} joins (its response goes into the join reply), {@link Reply.Failure}
     * refuses with its response; {@link Reply.Later} decides off the event loop (a membership lookup, say).
     *
     * @param params the join payload, a JSON object ({@code {}} when the client sent none)
     */
    Reply join(ChannelContext channel, JsonNode params);

    /**
     * Whether a joined channel gets the topic's broadcasts ({@link PubSub}); asked once, after an ok join. A handler
     * that delivers to some channels on its own schedule (delayed spectators) answers false for them and pushes.
     */
    default boolean receivesBroadcasts(ChannelContext channel) {
        return true;
    }

    /** Runs after the ok join reply has been written, like Phoenix's {@code :after_join}: push initial state here. */
    default void afterJoin(ChannelContext channel) {}

    /** An event the client pushed on a joined channel. The default refuses every event. */
    default Reply handleIn(ChannelContext channel, String event, Payload payload) {
        return Reply.error("unhandled event");
    }

    /** The channel is gone: left by the client, replaced by a new join, crashed, or its socket closed. */
    default void left(ChannelContext channel, LeaveReason reason) {}
}
