package org.gamebackend.realtime.protocol;

import java.nio.charset.StandardCharsets;

/** One outgoing message, serialized: the payload of a text frame (JSON) or of a binary frame (V2 binary). */
@SuppressWarnings("ArrayRecordComponent") // encoded once and shared, never compared
public record Encoded(byte[] bytes, boolean binary) {

    /** The JSON text, for logs and tests. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
