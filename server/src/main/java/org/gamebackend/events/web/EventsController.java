package org.gamebackend.events.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.events.internal.ingest.IngestService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/events}: a player's batch of analytics events. */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "events", description = "Client analytics events")
class EventsController {

    private final IngestService ingest;

    EventsController(IngestService ingest) {
        this.ingest = ingest;
    }

    /** The answer to an accepted batch. */
    record Accepted(int accepted) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a batch of analytics events",
            description = "Body {events: [{id (uuid), type ([a-z0-9_.]{1,64}), at (RFC 3339, within the last 7 days"
                    + " and 5 minutes ahead), data (object, at most 4 KB)}]}, at most 100 events. The whole batch is"
                    + " accepted or refused; an event id already stored is ignored, so a batch may be sent again.")
    @ApiResponse(responseCode = "202", description = "Every event was accepted (stored, or confirmed by the queue)")
    @ApiResponse(responseCode = "400", description = "An event breaks a rule; field names it, as events[3].at")
    @ApiResponse(responseCode = "429", description = "The player's event rate is exceeded; see Retry-After")
    @ApiResponse(responseCode = "503", description = "broker_unavailable: nothing was accepted, send again later")
    Accepted post(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        return new Accepted(ingest.accept(PlayerId.parse(jwt.getSubject()), body));
    }
}
