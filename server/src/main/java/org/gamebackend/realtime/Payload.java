package org.gamebackend.realtime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** What a client pushed: a JSON object from a text frame, or the bytes of a V2 binary push. */
public sealed interface Payload {

    record Json(JsonNode node) implements Payload {}

    /** The raw payload of a binary push (the client sent an {@code ArrayBuffer}). */
    @SuppressWarnings("ArrayRecordComponent") // a view of the frame, never compared
    record Binary(byte[] bytes) implements Payload {}

    /** The JSON object, or an empty object for a binary payload. */
    default JsonNode json() {
        return this instanceof Json(JsonNode node) ? node : JsonNodeFactory.instance.objectNode();
    }
}
