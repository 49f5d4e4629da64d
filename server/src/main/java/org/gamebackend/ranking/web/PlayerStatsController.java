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

/** {@code /api/v1/players/{id}}: any player's ratings, stats and match history. */
@RestController
@RequestMapping("/api/v1/players/{id}")
@Tag(name = "players", description = "Ratings, stats and match history")
class PlayerStatsController {

    private final RankingService ranking;

    PlayerStatsController(RankingService ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/stats")
    @Operation(
            summary = "A player's rating in each ranked mode, and wins, losses and draws (in all and per mode)",
            description = "volatility is present for Glicko-2 ratings only")
    @ApiResponse(responseCode = "404", description = "No such player")
    RankingService.StatsView stats(@PathVariable PlayerId id) {
        return ranking.stats(id);
    }

    @GetMapping("/matches")
    @Operation(
            summary = "A player's finished matches, newest first",
            description = "limit: 1..100 (default 50); cursor: next_cursor of the previous page")
    @ApiResponse(responseCode = "400", description = "Bad limit or cursor")
    RankingService.MatchesView matches(
            @PathVariable PlayerId id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return ranking.matches(id, limit, cursor);
    }
}
