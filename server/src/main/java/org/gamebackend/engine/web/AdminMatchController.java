package org.gamebackend.engine.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Matches;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/matches}: running matches, and stopping one (role ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/matches")
@Tag(name = "admin")
class AdminMatchController {

    private final Matches matches;

    AdminMatchController(Matches matches) {
        this.matches = matches;
    }

    @GetMapping
    @Operation(summary = "Matches running on this node, oldest first")
    List<MatchController.MatchView> running() {
        return matches.running().stream().map(MatchController.MatchView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a running match as aborted (reason: terminated)")
    @ApiResponse(responseCode = "404", description = "Not running on this node")
    void terminate(@PathVariable MatchId id) {
        if (!matches.terminate(id, "terminated")) {
            throw MatchController.notFound(id);
        }
    }
}
