package org.gamebackend.matchmaking.internal;

import org.gamebackend.engine.BackfillRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/** Turns a running match's request for a player into a backfill ticket. */
final class BackfillListener {

    private static final Logger log = LoggerFactory.getLogger(BackfillListener.class);

    private final TicketService tickets;

    BackfillListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @EventListener
    void on(BackfillRequested request) {
        try {
            tickets.requestBackfill(request);
        } catch (RuntimeException e) {
            log.warn("backfill request of match {} seat {} failed", request.matchId(), request.seat(), e);
        }
    }
}
