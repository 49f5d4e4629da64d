package org.gamebackend.realtime.internal;

import java.util.Map;

/** The responses of error replies the socket itself sends; the reasons are Phoenix's own where Phoenix has one. */
final class Errors {

    static final String UNMATCHED_TOPIC = "unmatched topic";
    static final String JOIN_CRASHED = "join crashed";
    static final String TOO_MANY_CHANNELS = "too many channels joined";

    private Errors() {}

    static Map<String, String> reason(String reason) {
        return Map.of("reason", reason);
    }

    static Map<String, String> malformed(String detail) {
        return Map.of("reason", "malformed frame", "detail", detail);
    }
}
