package org.gamebackend.matchmaking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.internal.PartyService;
import org.gamebackend.matchmaking.internal.TicketService;
import org.jspecify.annotations.Nullable;
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

/** {@code /api/v1/parties}: create, invite by code, join, leave, kick, and queue as a party. */
@RestController
@RequestMapping("/api/v1/parties")
@Tag(name = "parties", description = "Players who queue together and are matched as one unit")
class PartyController {

    private final PartyService parties;
    private final TicketService tickets;

    PartyController(PartyService parties, TicketService tickets) {
        this.parties = parties;
        this.tickets = tickets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a party you lead; share its invite_code")
    @ApiResponse(responseCode = "409", description = "You are already in a party")
    PartyService.PartyView create(@AuthenticationPrincipal Jwt jwt) {
        return parties.create(player(jwt));
    }

    @GetMapping("/me")
    @Operation(summary = "The party you are in")
    @ApiResponse(responseCode = "404", description = "You are in no party")
    PartyService.PartyView mine(@AuthenticationPrincipal Jwt jwt) {
        return parties.mine(player(jwt));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A party you are in")
    @ApiResponse(responseCode = "404", description = "You are not in it")
    PartyService.PartyView party(@PathVariable PartyId id, @AuthenticationPrincipal Jwt jwt) {
        return parties.get(player(jwt), id);
    }

    @PostMapping("/join")
    @Operation(summary = "Join a party by its invite code")
    @ApiResponse(responseCode = "404", description = "No party has this code")
    @ApiResponse(responseCode = "409", description = "Already in a party, or the party is full")
    PartyService.PartyView join(@Valid @RequestBody Join body, @AuthenticationPrincipal Jwt jwt) {
        return parties.join(player(jwt), body.inviteCode());
    }

    @PostMapping("/{id}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a party (a leaving leader hands over to the longest member)")
    void leave(@PathVariable PartyId id, @AuthenticationPrincipal Jwt jwt) {
        parties.leave(player(jwt), id);
    }

    @DeleteMapping("/{id}/members/{playerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member (leader only)")
    @ApiResponse(responseCode = "403", description = "You are not the leader")
    void kick(@PathVariable PartyId id, @PathVariable PlayerId playerId, @AuthenticationPrincipal Jwt jwt) {
        parties.kick(player(jwt), id, playerId);
    }

    @PostMapping("/{id}/queue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Queue the whole party (leader only); the same as a ticket with party_id")
    @ApiResponse(responseCode = "403", description = "You are not the leader")
    TicketService.TicketView queue(
            @PathVariable PartyId id, @RequestBody PartyQueue body, @AuthenticationPrincipal Jwt jwt) {
        return tickets.queue(
                player(jwt), new TicketService.QueueRequest(body.mode(), body.region(), body.latencies(), id));
    }

    record Join(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{8}", message = "must be an invite code")
            String inviteCode) {}

    record PartyQueue(
            @Nullable String mode,
            @Nullable String region,
            @Nullable Map<String, Integer> latencies) {}

    private static PlayerId player(Jwt jwt) {
        return PlayerId.parse(jwt.getSubject());
    }
}
