package org.gamebackend.realtime.internal;

/** WebSocket close codes the server uses (RFC 6455 section 7.4.1); docs/protocol.md lists them for clients. */
final class CloseCodes {

    static final int NORMAL = 1000;
    static final int INVALID_DATA = 1007;
    static final int POLICY = 1008;
    static final int TOO_BIG = 1009;
    static final int INTERNAL_ERROR = 1011;
    static final int RESTART = 1012;

    private CloseCodes() {}
}
