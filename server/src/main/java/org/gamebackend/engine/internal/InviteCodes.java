package org.gamebackend.engine.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.PlayerInMatchException;
import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Private matches: a player opens one and gets an invite code; others take seats with the code; when every seat is
 * taken the match starts (mode {@code custom}). Open invitations live in this node's memory (they are short-lived);
 * see docs/engine.md.
 */
public final class InviteCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final MatchEngine engine;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Invitation> open = new ConcurrentHashMap<>();

    InviteCodes(MatchEngine engine) {
        this.engine = engine;
    }

    /** An invitation, and its match once every seat is taken. */
    public record Status(
            String inviteCode,
            String game,
            List<PlayerId> players,
            int seats,
            @Nullable MatchId matchId) {}

    private static final class Invitation {
        final String game;
        final int seats;
        final List<PlayerId> players = new ArrayList<>();

        @Nullable
        MatchId match;

        Invitation(String game, int seats) {
            this.game = game;
            this.seats = seats;
        }
    }

    public Status open(String gameName, int seats, PlayerId host) {
        Game<?, ?> game = engine.game(gameName);
        if (seats < game.spec().minSeats() || seats > game.spec().maxSeats()) {
            throw ApiException.badField(
                    "seats",
                    "bad_seat_count",
                    gameName + " takes " + game.spec().minSeats() + " to "
                            + game.spec().maxSeats() + " seats");
        }
        String code;
        Invitation invitation = new Invitation(gameName, seats);
        invitation.players.add(host);
        do {
            code = code();
        } while (open.putIfAbsent(code, invitation) != null);
        return status(code, invitation);
    }

    public Status join(String code, PlayerId player) {
        Invitation invitation = open.get(code);
        if (invitation == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "invite_not_found", "No open private match has this code");
        }
        synchronized (invitation) {
            if (invitation.players.contains(player) || invitation.match != null) {
                return status(code, invitation);
            }
            if (invitation.players.size() >= invitation.seats) {
                throw ApiException.conflict("invite_code", "match_full", "every seat of this match is taken");
            }
            invitation.players.add(player);
            if (invitation.players.size() == invitation.seats) {
                List<MatchRequest.SeatRequest> seats = new ArrayList<>();
                for (int i = 0; i < invitation.players.size(); i++) {
                    seats.add(new MatchRequest.SeatRequest(invitation.players.get(i), false, i));
                }
                try {
                    invitation.match = engine.create(new MatchRequest(invitation.game, "custom", seats), code);
                } catch (PlayerInMatchException e) {
                    invitation.players.remove(player); // as if this join never happened
                    throw new ApiException(
                            HttpStatus.CONFLICT,
                            "already_in_match",
                            (e.player().equals(player) ? "You are" : "A player of this match is") + " in match "
                                    + e.match() + "; finish it first");
                }
            }
            return status(code, invitation);
        }
    }

    public Status status(String code) {
        Invitation invitation = open.get(code);
        if (invitation == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "invite_not_found", "No open private match has this code");
        }
        synchronized (invitation) {
            return status(code, invitation);
        }
    }

    private static Status status(String code, Invitation i) {
        return new Status(code, i.game, List.copyOf(i.players), i.seats, i.match);
    }

    private String code() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
