package org.gamebackend.matchmaking.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.platform.ApiException;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.Reply;
import org.gamebackend.realtime.UserEvents;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code queue} and {@code cancel} on {@code user:<id>}: the socket side of tickets. {@code queue} takes what POST
 * {@code /matchmaking/tickets} takes and replies {@code {ticket_id, status}}; errors reply {@code {reason, detail}} with
 * the REST error's code as reason.
 */
final class QueueEvents implements UserEvents {

    private final TicketService tickets;
    private final JsonMapper json;
    private final Executor blocking;

    QueueEvents(TicketService tickets, JsonMapper json, Executor blocking) {
        this.tickets = tickets;
        this.json = json;
        this.blocking = blocking;
    }

    @Override
    public Set<String> events() {
        return Set.of("queue", "cancel");
    }

    @Override
    public Reply handle(ChannelContext channel, String event, Payload payload) {
        if (event.equals("queue")) {
            TicketService.QueueRequest request;
            try {
                request = json.treeToValue(payload.json(), TicketService.QueueRequest.class);
            } catch (JacksonException e) {
                return error("bad_request", e.getOriginalMessage());
            }
            return later(() -> {
                var t = tickets.queue(channel.player(), request);
                return Reply.ok(Map.of("ticket_id", t.ticketId().toString(), "status", t.status()));
            });
        }
        String id = payload.json().path("ticket_id").asString("");
        TicketId ticket;
        try {
            ticket = TicketId.parse(id);
        } catch (IllegalArgumentException e) {
            return error("bad_request", "ticket_id must be a ticket's id");
        }
        return later(() -> {
            tickets.cancel(channel.player(), ticket);
            return Reply.ok();
        });
    }

    private Reply later(Supplier<Reply> work) {
        return Reply.later(CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.get();
                    } catch (ApiException e) {
                        return error(e.code(), e.getMessage());
                    }
                },
                blocking));
    }

    static Reply error(String reason, @org.jspecify.annotations.Nullable String detail) {
        return new Reply.Failure(Map.of("reason", reason, "detail", detail == null ? reason : detail));
    }
}
