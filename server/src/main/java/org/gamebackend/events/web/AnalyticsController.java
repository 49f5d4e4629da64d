package org.gamebackend.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gamebackend.events.internal.analytics.Analytics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/analytics}: operator figures from the analytics table (role ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/analytics")
@Tag(name = "admin", description = "Operator endpoints (role ADMIN)")
class AnalyticsController {

    private final Analytics analytics;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/active-players")
    @Operation(summary = "Daily active players (UTC days), the last `days` (1..90, default 7)")
    @ApiResponse(responseCode = "400", description = "days out of range")
    List<Analytics.ActiveDay> activePlayers(@RequestParam(defaultValue = "7") int days) {
        return analytics.activePlayers(days);
    }

    @GetMapping("/matches")
    @Operation(
            summary =
                    "Finished matches per mode per hour with their mean length, the last `hours` (1..336, default 24)")
    @ApiResponse(responseCode = "400", description = "hours out of range")
    List<Analytics.MatchHour> matches(@RequestParam(defaultValue = "24") int hours) {
        return analytics.matchesPerHour(hours);
    }

    @GetMapping("/queue-waits")
    @Operation(
            summary = "Queue wait percentiles (p50, p90, p99 in seconds) per mode over the last `hours` (1..336,"
                    + " default 24), one sample per player ticket matched")
    @ApiResponse(responseCode = "400", description = "hours out of range")
    List<Analytics.QueueWait> queueWaits(@RequestParam(defaultValue = "24") int hours) {
        return analytics.queueWaits(hours);
    }
}
