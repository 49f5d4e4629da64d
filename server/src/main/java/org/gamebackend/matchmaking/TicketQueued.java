package org.gamebackend.matchmaking;

import java.time.Instant;
import java.util.List;
import org.gamebackend.accounts.PlayerId;

/**
 * Published when a ticket starts searching (a player's or a party's; not matchmaking's own backfill requests).
 *
 * @param players the ticket's players, the party leader first
 * @param partyId the party queued, or null for a lone player
 */
public record TicketQueued(
        TicketId ticketId,
        String mode,
        String region,
        List<PlayerId> players,
        @org.jspecify.annotations.Nullable PartyId partyId,
        Instant queuedAt) {

    public TicketQueued {
        players = List.copyOf(players);
    }
}
