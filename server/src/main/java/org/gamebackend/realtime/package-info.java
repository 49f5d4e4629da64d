/**
 * Realtime: the Phoenix Channels V2 socket at {@code /socket/websocket}, topic routing to {@link
 * org.gamebackend.realtime.ChannelHandler}s, {@link org.gamebackend.realtime.PubSub} and {@link
 * org.gamebackend.realtime.Presence}. It knows nothing of games: other modules register handlers for their topics and
 * broadcast through PubSub. The wire protocol is described in docs/protocol.md.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.realtime;
