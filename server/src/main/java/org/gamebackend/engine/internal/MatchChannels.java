package org.gamebackend.engine.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchId;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.LeaveReason;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.PubSub;
import org.gamebackend.realtime.Reply;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.JsonNode;

/**
 * The socket side of matches, {@code match:<id>}: seated players join to play (their join reply carries the full
 * state, so a rejoin after a drop resumes at once), others join with {@code {"spectate": true}} to watch. Pushes:
 * {@code input} (reply ok {@code {tick}} or error {@code {reason}} once a tick applied it), {@code forfeit} (leave for
 * good). Losing the socket, or leaving the channel, is a drop: the seat is held for the grace period. Every player and
 * spectator is tracked in the topic's presence.
 *
 * <p>Also the engine's {@link MatchOutlet}: broadcasts go through PubSub (encoded once for everyone on the topic);
 * messages to one player or to spectators are pushed to their channels.
 */
final class MatchChannels implements ChannelHandler, MatchOutlet {

    /** @param delayMillis how late a spectator sees the match (0 = live, through PubSub) */
    private record Member(ChannelContext channel, int seat, long delayMillis) {
        boolean spectator() {
            return seat < 0;
        }

        boolean delayed() {
            return delayMillis > 0;
        }
    }

    private final ObjectProvider<MatchEngine> engine;
    private final PubSub pubSub;
    private final Presence presence;
    private final SpectatorProperties spectators;
    private final Map<MatchId, List<Member>> members = new ConcurrentHashMap<>();
    /** The delayed spectators among {@link #members}, apart: every patch looks here, and it is almost always empty. */
    private final Map<MatchId, List<Member>> delayed = new ConcurrentHashMap<>();

    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spectator-delay");
        t.setDaemon(true);
        return t;
    });

    MatchChannels(
            ObjectProvider<MatchEngine> engine, PubSub pubSub, Presence presence, SpectatorProperties spectators) {
        this.engine = engine;
        this.pubSub = pubSub;
        this.presence = presence;
        this.spectators = spectators;
    }

    /** Called by Spring at shutdown (inferred destroy method). */
    public void close() {
        delayer.shutdownNow();
    }

    @Override
    public String topicPattern() {
        return "match:*";
    }

    @Override
    public Reply join(ChannelContext channel, JsonNode params) {
        MatchId id = parse(channel.subtopic());
        if (id == null) {
            return Reply.error("bad_match_id");
        }
        Optional<MatchEngine.LiveMatch> live = engine.getObject().live(id);
        if (live.isEmpty()) {
            return Reply.error("match_not_running");
        }
        boolean spectate = params.path("spectate").asBoolean(false);
        OptionalInt seat = engine.getObject().seatOf(id, channel.player());
        if (!spectate && seat.isEmpty()) {
            return Reply.error("not_seated");
        }
        int index = spectate ? -1 : seat.getAsInt();
        long delay = 0;
        if (spectate) {
            JsonNode asked = params.path("delay");
            if (!asked.isMissingNode() && (!asked.isNumber() || asked.asDouble() < 0)) {
                return Reply.error("bad_delay");
            }
            double seconds = Math.min(asked.asDouble(0), spectators.maxDelay().toSeconds());
            delay = Math.max(spectators.delay().toMillis(), Math.round(seconds * 1000));
        }
        Member member = new Member(channel, index, delay);
        members.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(member);
        if (member.delayed()) {
            // added inside compute: a leave that empties the list removes it in compute too, never in between
            delayed.compute(id, (k, spectators) -> {
                List<Member> list = spectators == null ? new CopyOnWriteArrayList<>() : spectators;
                list.add(member);
                return list;
            });
        }
        if (!spectate) {
            engine.getObject().connected(id, index);
        }
        MatchEngine.LiveMatch m = live.get();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("match_id", id.toString());
        reply.put("game", m.game());
        reply.put("mode", m.mode());
        reply.put("seat", spectate ? null : index);
        reply.put("spectator", spectate);
        if (delay > 0) {
            // a delayed spectator sees nothing live: the first state arrives `delay` after it was sent to players
            reply.put("delay", delay / 1000.0);
            reply.put("tick", null);
            reply.put("state", null);
        } else {
            reply.put("tick", m.tick());
            reply.put("state", m.state());
        }
        return Reply.ok(reply);
    }

    @Override
    public boolean receivesBroadcasts(ChannelContext channel) {
        return member(channel).map(m -> !m.delayed()).orElse(true);
    }

    @Override
    public void afterJoin(ChannelContext channel) {
        boolean spectator = member(channel).map(Member::spectator).orElse(true);
        presence.track(channel, channel.player().toString(), Map.of("role", spectator ? "spectator" : "player"));
        channel.push("presence_state", presence.list(channel.topic()));
    }

    @Override
    public Reply handleIn(ChannelContext channel, String event, Payload payload) {
        Optional<Member> member = member(channel);
        if (member.isEmpty()) {
            return Reply.error("not_joined");
        }
        if (member.get().spectator()) {
            return Reply.error("spectators_cannot_play");
        }
        MatchId id = MatchId.parse(channel.subtopic());
        int seat = member.get().seat();
        if (!holds(id, channel, seat)) {
            // the seat changed hands since this channel joined (its close is on its way)
            channel.close();
            return Reply.error("not_seated");
        }
        return switch (event) {
            case "input" -> {
                byte[] json = payload instanceof Payload.Binary(byte[] bytes)
                        ? bytes
                        : payload.json().toString().getBytes(StandardCharsets.UTF_8);
                yield Reply.later(engine.getObject().input(id, seat, json).thenApply(MatchChannels::answer));
            }
            case "forfeit" -> {
                engine.getObject().left(id, seat);
                yield Reply.ok();
            }
            default -> Reply.error("unknown_event");
        };
    }

    @Override
    public void left(ChannelContext channel, LeaveReason reason) {
        MatchId id = parse(channel.subtopic());
        if (id == null) {
            return;
        }
        List<Member> list = members.get(id);
        if (list == null) {
            return;
        }
        Member gone = null;
        for (Member m : list) {
            if (m.channel() == channel) {
                gone = m;
            }
        }
        if (gone == null) {
            return;
        }
        list.remove(gone);
        if (gone.delayed()) {
            Member leaving = gone;
            delayed.computeIfPresent(id, (k, spectators) -> {
                spectators.remove(leaving);
                return spectators.isEmpty() ? null : spectators;
            });
        }
        int seat = gone.seat();
        boolean stillThere =
                list.stream().anyMatch(m -> m.seat() == seat && m.channel().joined());
        if (!gone.spectator() && !stillThere && reason != LeaveReason.REPLACED && holds(id, channel, seat)) {
            engine.getObject().dropped(id, seat);
        }
        if (list.isEmpty()) {
            members.remove(id, list);
        }
    }

    /** Whether the channel's player still holds {@code seat} (a backfill may have given it to another player). */
    private boolean holds(MatchId id, ChannelContext channel, int seat) {
        return engine.getObject().holds(id, seat, channel.player());
    }

    @Override
    public void seatTaken(MatchId match, int seat, PlayerId before) {
        List<Member> list = members.get(match);
        if (list == null) {
            return;
        }
        for (Member m : list) {
            if (m.seat() == seat && m.channel().player().equals(before)) {
                m.channel().close();
            }
        }
    }

    private static Reply answer(InputOutcome outcome) {
        if (outcome.result() instanceof InputResult.Rejected(String reason)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("reason", reason);
            error.put("tick", outcome.tick());
            if (outcome.detail() != null) {
                error.put("detail", outcome.detail());
            }
            return new Reply.Failure(error);
        }
        return Reply.ok(Map.of("tick", outcome.tick()));
    }

    private Optional<Member> member(ChannelContext channel) {
        MatchId id = parse(channel.subtopic());
        List<Member> list = id == null ? null : members.get(id);
        if (list == null) {
            return Optional.empty();
        }
        return list.stream().filter(m -> m.channel() == channel).findFirst();
    }

    private static @Nullable MatchId parse(String subtopic) {
        try {
            return MatchId.parse(subtopic);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- MatchOutlet -------------------------------------------------------------------------------------------

    @Override
    public void broadcast(MatchId match, String event, Object payload) {
        pubSub.broadcast(match.topic(), event, payload);
        later(match, event, payload);
    }

    /** Delayed spectators get what everyone got, their delay later (payloads are immutable once sent). */
    private void later(MatchId match, String event, Object payload) {
        List<Member> list = delayed.get(match);
        if (list == null) {
            return;
        }
        for (Member m : list) {
            try {
                var _ = delayer.schedule(
                        () -> {
                            if (m.channel().joined()) {
                                m.channel().push(event, payload);
                            }
                        },
                        m.delayMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }

    @Override
    public void toPlayer(MatchId match, PlayerId player, String event, Object payload) {
        List<Member> list = members.get(match);
        if (list != null) {
            for (Member m : list) {
                if (!m.spectator() && m.channel().player().equals(player)) {
                    m.channel().push(event, payload);
                }
            }
        }
    }

    @Override
    public void toSpectators(MatchId match, String event, Object payload) {
        List<Member> list = members.get(match);
        if (list != null) {
            for (Member m : list) {
                if (m.spectator() && !m.delayed()) {
                    m.channel().push(event, payload);
                }
            }
            later(match, event, payload);
        }
    }
}
