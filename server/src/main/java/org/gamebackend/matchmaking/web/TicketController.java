package org.gamebackend.matchmaking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.matchmaking.internal.ModeCatalog;
import org.gamebackend.matchmaking.internal.TicketService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/matchmaking}: tickets (one active per player) and the modes one can queue for. */
@RestController
@RequestMapping("/api/v1/matchmaking")
@Tag(name = "matchmaking", description = "Tickets and modes")
class TicketController {

    private final TicketService tickets;
    private final ModeCatalog modes;

    TicketController(TicketService tickets, ModeCatalog modes) {
        this.tickets = tickets;
        this.modes = modes;
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Queue for a mode, alone or as a party's leader",
            description = "region: where to play (default: the lowest of the reported latencies, else the mode's first"
                    + " region); latencies: milliseconds to each region, used for that and for region fallback")
    @ApiResponse(responseCode = "400", description = "Unknown mode or region, bad latencies, party too big")
    @ApiResponse(responseCode = "409", description = "Already searching (already_queued) or in a match")
    @ApiResponse(responseCode = "429", description = "Cooling down after a missed match")
    TicketService.TicketView queue(@RequestBody TicketService.QueueRequest body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.queue(player(jwt), body);
    }

    @GetMapping("/tickets/{id}")
    @Operation(summary = "A ticket of yours: searching, matched (with match_id), cancelled or expired")
    @ApiResponse(responseCode = "404", description = "No such ticket of yours")
    TicketService.TicketView ticket(@PathVariable TicketId id, @AuthenticationPrincipal Jwt jwt) {
        return tickets.status(player(jwt), id);
    }

    @DeleteMapping("/tickets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel a searching ticket")
    @ApiResponse(responseCode = "404", description = "No such ticket of yours")
    @ApiResponse(responseCode = "409", description = "It is no longer searching")
    void cancel(@PathVariable TicketId id, @AuthenticationPrincipal Jwt jwt) {
        tickets.cancel(player(jwt), id);
    }

    @GetMapping("/modes")
    @Operation(summary = "The modes one can queue for")
    List<ModeCatalog.ModeView> modes() {
        return modes.views();
    }

    private static PlayerId player(Jwt jwt) {
        return PlayerId.parse(jwt.getSubject());
    }
}
