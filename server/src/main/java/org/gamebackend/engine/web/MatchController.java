package org.gamebackend.engine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.internal.InviteCodes;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.engine.internal.Replays;
import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/matches}: a match, its replay, and private matches by invite code. */
@RestController
@RequestMapping("/api/v1/matches")
@Tag(name = "matches", description = "Matches, replays and private matches")
class MatchController {

    private final MatchEngine engine;
    private final Replays replays;
    private final InviteCodes invites;

    MatchController(MatchEngine engine, Replays replays, InviteCodes invites) {
        this.engine = engine;
        this.replays = replays;
        this.invites = invites;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A match: game, mode, status, seats and, once ended, its result")
    @ApiResponse(responseCode = "404", description = "No such match")
    MatchView match(@PathVariable MatchId id) {
        return engine.find(id).map(MatchView::of).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/replay")
    @Operation(summary = "The recorded seed, inputs and final-state hash of an ended match")
    @ApiResponse(responseCode = "404", description = "No such match, or it has not ended")
    Replays.ReplayView replay(@PathVariable MatchId id) {
        return replays.view(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a private match you sit in; others join with its invite code")
    InviteCodes.Status createPrivate(@Valid @RequestBody CreatePrivate body, @AuthenticationPrincipal Jwt jwt) {
        return invites.open(body.game(), body.seats(), PlayerId.parse(jwt.getSubject()));
    }

    @GetMapping("/invites/{code}")
    @Operation(summary = "A private match's invitation: who sits, and the match id once it started")
    @ApiResponse(responseCode = "404", description = "No open invitation has this code")
    InviteCodes.Status invitation(@PathVariable String code) {
        return invites.status(code);
    }

    @PostMapping("/join")
    @Operation(summary = "Take a free seat of a private match by its invite code")
    @ApiResponse(responseCode = "404", description = "No running match has this code")
    @ApiResponse(responseCode = "409", description = "The match is full")
    InviteCodes.Status join(@Valid @RequestBody JoinPrivate body, @AuthenticationPrincipal Jwt jwt) {
        return invites.join(body.inviteCode(), PlayerId.parse(jwt.getSubject()));
    }

    record CreatePrivate(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "must be a game name")
            String game,

            @Min(1) @Max(64) int seats) {}

    record JoinPrivate(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{6,12}", message = "must be an invite code")
            String inviteCode) {}

    /** {@code {id, game, mode, status, players: [{player_id, seat, bot}], result?}} as in API.md. */
    record MatchView(
            MatchId id,
            String game,
            String mode,
            String status,
            long tick,
            List<Player> players,
            Map<String, @Nullable Object> result) {

        static MatchView of(MatchSummary s) {
            return new MatchView(
                    s.id(),
                    s.game(),
                    s.mode(),
                    s.status(),
                    s.tick(),
                    s.seats().stream()
                            .map(seat -> new Player(seat.player(), seat.index(), seat.bot(), seat.team()))
                            .toList(),
                    s.result() == null ? Map.of() : s.result());
        }
    }

    record Player(PlayerId playerId, int seat, boolean bot, int team) {}

    static ApiException notFound(MatchId id) {
        return new ApiException(HttpStatus.NOT_FOUND, "match_not_found", "No match " + id);
    }
}
