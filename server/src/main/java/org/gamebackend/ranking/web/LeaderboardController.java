package org.gamebackend.ranking.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.ranking.internal.RankingService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/leaderboards/{mode}}: the board of a ranked mode, per region and season. */
@RestController
@RequestMapping("/api/v1/leaderboards/{mode}")
@Tag(name = "leaderboards", description = "Ranked boards per mode, region and season")
class LeaderboardController {

    private final RankingService ranking;

    LeaderboardController(RankingService ranking) {
        this.ranking = ranking;
    }

    @GetMapping
    @Operation(
            summary = "Ranked entries, best first (ties: by player id)",
            description = "region: a region or global (default); season: default the current one, ended seasons are"
                    + " frozen; limit: 1..100 (default 50); cursor: next_cursor of the previous page")
    @ApiResponse(responseCode = "400", description = "Bad region, limit or cursor")
    @ApiResponse(responseCode = "404", description = "No such ranked mode, or a season that has not started")
    RankingService.BoardView board(
            @PathVariable String mode,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Integer season,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return ranking.board(mode, region, season, limit, cursor);
    }

    @GetMapping("/around/{playerId}")
    @Operation(summary = "The entries around one player: radius (0..25, default 10) either side")
    @ApiResponse(responseCode = "404", description = "The player is not on this board")
    RankingService.BoardView around(
            @PathVariable String mode,
            @PathVariable PlayerId playerId,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable Integer season,
            @RequestParam(required = false) @Nullable Integer radius) {
        return ranking.around(mode, playerId, region, season, radius);
    }
}
