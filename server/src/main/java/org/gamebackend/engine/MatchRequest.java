package org.gamebackend.engine;

import java.util.List;
import org.gamebackend.accounts.PlayerId;

/**
 * A match to start.
 *
 * @param game a registered game's name
 * @param mode the mode it was made for (reported in results; {@code custom} for private matches)
 * @param seats in seat order
 */
public record MatchRequest(String game, String mode, List<SeatRequest> seats) {

    public MatchRequest {
        seats = List.copyOf(seats);
    }

    /** @param team the seat's team; free-for-all games use one team per seat */
    public record SeatRequest(PlayerId player, boolean bot, int team) {}
}
