package org.gamebackend.matchmaking.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.platform.ApiException;
import org.gamebackend.realtime.PubSub;
import org.springframework.http.HttpStatus;

/**
 * Parties: create, invite by code, join, leave, kick. Every change is broadcast as {@code party_update} on {@code
 * party:<id>}, and a change of members cancels the party's searching ticket (a party is matched as it was queued).
 * Blocking: call it on a virtual thread.
 */
public final class PartyService {

    /** A party as the API shows it. */
    public record PartyView(PartyId partyId, PlayerId leader, String inviteCode, List<PlayerId> members) {

        static PartyView of(PartyStore.Party p) {
            return new PartyView(p.id(), p.leader(), p.inviteCode(), p.members());
        }
    }

    private final PartyStore store;
    private final TicketService tickets;
    private final PubSub pubSub;
    private final PartySockets sockets;
    private final int maxSize;
    private final Clock clock;

    PartyService(
            PartyStore store, TicketService tickets, PubSub pubSub, PartySockets sockets, int maxSize, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.pubSub = pubSub;
        this.sockets = sockets;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    public PartyView create(PlayerId leader) {
        try {
            return PartyView.of(store.create(leader, clock.instant()));
        } catch (PartyStore.AlreadyInParty e) {
            throw alreadyInParty();
        }
    }

    /** The party the player is in. */
    public PartyView mine(PlayerId player) {
        return store.ofPlayer(player)
                .map(PartyView::of)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "party_not_found", "You are in no party"));
    }

    public PartyView get(PlayerId requester, PartyId id) {
        return PartyView.of(member(requester, id));
    }

    public boolean isMember(PartyId id, PlayerId player) {
        return store.find(id).map(p -> p.has(player)).orElse(false);
    }

    public PartyView join(PlayerId player, String inviteCode) {
        PartyId id = store.byCode(inviteCode)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "party_not_found", "No party has invite code " + inviteCode));
        PartyStore.Party before = store.find(id).orElseThrow();
        boolean joined;
        try {
            joined = store.join(id, player, maxSize, clock.instant());
        } catch (PartyStore.AlreadyInParty e) {
            throw alreadyInParty();
        }
        if (!joined) {
            throw new ApiException(HttpStatus.CONFLICT, "party_full", "The party already has " + maxSize + " players");
        }
        tickets.cancelPartyTicket(before.leader(), id);
        return changed(id).map(PartyView::of).orElseThrow();
    }

    public void leave(PlayerId player, PartyId id) {
        member(player, id);
        tickets.cancelPartyTicket(player, id);
        store.leave(id, player);
        changed(id);
        sockets.gone(id, player);
    }

    public void kick(PlayerId leader, PartyId id, PlayerId member) {
        PartyStore.Party party = member(leader, id);
        if (!party.leader().equals(leader)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not_party_leader", "Only the party leader can kick");
        }
        if (member.equals(leader)) {
            throw ApiException.badField("player_id", "cannot_kick_self", "Leave the party instead");
        }
        if (!party.has(member)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_a_member", member + " is not in this party");
        }
        tickets.cancelPartyTicket(leader, id);
        store.leave(id, member);
        changed(id);
        sockets.gone(id, member); // a kicked player hears the party no more, and cannot chat in it
    }

    private Optional<PartyStore.Party> changed(PartyId id) {
        Optional<PartyStore.Party> now = store.find(id);
        pubSub.broadcast(
                id.topic(),
                "party_update",
                now.map(PartyView::of)
                        .map(Object.class::cast)
                        .orElseGet(() -> java.util.Map.of("party_id", id.toString(), "members", List.of())));
        return now;
    }

    private PartyStore.Party member(PlayerId player, PartyId id) {
        return store.find(id)
                .filter(p -> p.has(player))
                .orElseThrow(
                        () -> new ApiException(HttpStatus.NOT_FOUND, "party_not_found", "You are not in party " + id));
    }

    private static ApiException alreadyInParty() {
        return new ApiException(HttpStatus.CONFLICT, "already_in_party", "Leave your party first");
    }
}
