package org.gamebackend.matchmaking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketId;

/**
 * One line of a ticket stream: who queues, when, from where.
 *
 * @param arrivalMillis since the start of the stream
 * @param region the player's home region (the pool the ticket joins first)
 * @param ratings one per player; two or more make a party
 * @param latencies round trip in ms to each region the player measured
 */
record StreamTicket(long arrivalMillis, String region, List<Double> ratings, Map<String, Integer> latencies) {

    StreamTicket {
        ratings = List.copyOf(ratings);
        latencies = Map.copyOf(latencies);
    }

    /**
     * The pairing's ticket, queued at {@code queuedAt}. Ids derive from {@code seq} so that runs are repeatable: the
     * pool breaks rating ties by ticket id, and random ids would break them differently every run.
     */
    Ticket toTicket(long seq, String mode, long queuedAt) {
        List<Ticket.Member> members = new ArrayList<>(ratings.size());
        for (int i = 0; i < ratings.size(); i++) {
            members.add(new Ticket.Member(new PlayerId(new UUID(seq, i)), ratings.get(i)));
        }
        PartyId party = members.size() > 1 ? new PartyId(new UUID(1, seq)) : null;
        return new Ticket(new TicketId(new UUID(0, seq)), mode, region, latencies, members, party, queuedAt);
    }
}
