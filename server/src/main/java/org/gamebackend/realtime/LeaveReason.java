package org.gamebackend.realtime;

/** Why a channel ended (see {@link ChannelHandler#left}). */
public enum LeaveReason {
    /** The client sent {@code phx_leave}. */
    LEFT,
    /** The client joined the same topic again on the same socket; the old channel got {@code phx_close}. */
    REPLACED,
    /** The server ended it ({@link ChannelContext#close}); the client got {@code phx_close}. */
    CLOSED,
    /** A handler callback threw; the client got {@code phx_error} and will rejoin. */
    CRASHED,
    /** The socket closed (client gone, idle timeout, limits, shutdown). */
    DISCONNECTED
}
