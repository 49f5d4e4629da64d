package org.gamebackend.realtime.protocol;

import org.gamebackend.realtime.Payload;
import org.jspecify.annotations.Nullable;

/** What one incoming WebSocket frame turned out to be. */
public sealed interface Decoded {

    /** A well-formed client message. */
    record Inbound(@Nullable String joinRef, @Nullable String ref, String topic, String event, Payload payload)
            implements Decoded {}

    /** A bad frame whose {@code ref} could be read: it gets an error reply on {@code topic}. */
    record Malformed(@Nullable String joinRef, String ref, String topic, String reason) implements Decoded {}

    /** A frame so broken that nobody can be answered: the socket is closed. */
    record Unreadable(String reason) implements Decoded {}
}
