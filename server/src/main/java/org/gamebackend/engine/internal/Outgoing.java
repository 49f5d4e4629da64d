package org.gamebackend.engine.internal;

/** A message a game asked to send; delivered only after the hook that sent it returned normally. */
record Outgoing(Target target, int seat, String event, Object payload) {

    enum Target {
        ALL,
        SEAT,
        SPECTATORS,
        /** Not a message: the game asked for a new player in {@code seat}. */
        BACKFILL,
        /** Not a message: the game asked for a bot to take {@code seat}. */
        BOT
    }
}
