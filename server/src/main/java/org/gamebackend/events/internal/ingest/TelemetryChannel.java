package org.gamebackend.events.internal.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.gamebackend.platform.ApiException;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code telemetry} topic: the socket way to send analytics events, for clients that keep a socket open anyway.
 * Any signed-in player may join. Pushes: {@code events} with the body {@code POST /api/v1/events} takes ({@code
 * {events: [...]}}), or {@code event} with one event ({@code {id, type, at, data}}). The same validation, per-player
 * rate and sink as REST: the reply is ok {@code {accepted: n}} once the events are stored (standalone) or confirmed by
 * the broker (connected), or error {@code {reason, detail, field?}} with the REST error's code as reason — and then
 * nothing of the push was accepted.
 */
final class TelemetryChannel implements ChannelHandler {

    private final IngestService ingest;
    private final Executor blocking;

    TelemetryChannel(IngestService ingest, Executor blocking) {
        this.ingest = ingest;
        this.blocking = blocking;
    }

    @Override
    public String topicPattern() {
        return "telemetry";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        return Reply.ok();
    }

    @Override
    public boolean receivesBroadcasts(ChannelContext channel) {
        return false;
    }

    @Override
    public Reply handleIn(ChannelContext channel, String event, Payload payload) {
        JsonNode body;
        switch (event) {
            case "events" -> body = payload.json();
            case "event" -> {
                ObjectNode batch = JsonNodeFactory.instance.objectNode();
                batch.putArray("events").add(payload.json());
                body = batch;
            }
            default -> {
                return failure("unknown_event", "telemetry takes events and event pushes, not " + event, null);
            }
        }
        // storing or waiting for the broker's confirm blocks: never on the socket's event loop
        return Reply.later(CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return Reply.ok(Map.of("accepted", ingest.accept(channel.player(), body)));
                    } catch (ApiException e) {
                        String field = e.field();
                        return failure(
                                e.code(),
                                e.getMessage(),
                                field != null && event.equals("event")
                                        ? field.replaceFirst("^events\\[0]\\.?", "")
                                        : field);
                    }
                },
                blocking));
    }

    private static Reply failure(
            String reason,
            @org.jspecify.annotations.Nullable String detail,
            @org.jspecify.annotations.Nullable String field) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("reason", reason);
        response.put("detail", detail == null ? reason : detail);
        if (field != null && !field.isEmpty()) {
            response.put("field", field);
        }
        return new Reply.Failure(response);
    }
}
