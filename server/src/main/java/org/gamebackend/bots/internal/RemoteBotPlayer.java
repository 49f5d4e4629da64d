package org.gamebackend.bots.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gamebackend.bots.Bot;
import org.gamebackend.bots.BotPolicy;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;
import org.gamebackend.bots.grpc.v1.Difficulty;
import org.gamebackend.engine.BotPlayer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot seat played by a remote policy, with the game's rule-based bot standing in. Everything happens on the tick
 * worker except the call itself:
 *
 * <ul>
 *   <li>on a tick where the policy {@linkplain BotPolicy#wantsDecision wants a decision} and none is in flight, the
 *       observation and legal actions are encoded (the state may only be read here) and the call is started; the seat
 *       sends nothing this tick;
 *   <li>on a later tick, a completed answer is parsed, checked against the legal actions it was given, completed by
 *       {@link BotPolicy#fromRemote} and returned;
 *   <li>an answer not there when the deadline has passed, an error, an illegal action, or an open breaker (nothing is
 *       sent then): the rule-based bot's decision of this tick is returned instead (mode {@code fallback: rules}) or
 *       nothing ({@code none}).
 * </ul>
 *
 * <p>The rule-based bot is asked every tick, so that its memory (a think delay, a target, a cadence) is current
 * whenever it has to stand in; when it stands in on a tick where it has nothing new to say, its latest decision not
 * yet superseded (by a remote answer or an earlier stand-in) is played.
 */
final class RemoteBotPlayer<S, I> implements BotPlayer {

    private static final Logger log = LoggerFactory.getLogger(RemoteBotPlayer.class);
    private static final org.gamebackend.platform.Throttle WARNINGS =
            new org.gamebackend.platform.Throttle(java.time.Duration.ofSeconds(10));

    private final BotPolicy<S, I> policy;
    private final BotSeat seat;
    private final Bot<S, I> rules;
    private final boolean fallbackToRules;
    private final RemotePolicy remote;
    private final RemoteJson json;
    private final BotMetrics.GameMeters meters;
    private final Duration deadline;
    private final long deadlineNanos;
    private final Difficulty difficulty;
    private final String playerId;

    @Nullable
    private CompletableFuture<DecideResponse> pending;

    private long sentAt;
    private List<I> sentLegal = List.of();

    /** The rules' latest decision made while the remote was in charge, to stand in on a later tick. */
    @Nullable
    private I unplayed;

    RemoteBotPlayer(
            BotPolicy<S, I> policy,
            BotSeat seat,
            boolean fallbackToRules,
            RemotePolicy remote,
            Duration deadline,
            RemoteJson json,
            BotMetrics.GameMeters meters) {
        this.policy = policy;
        this.seat = seat;
        this.rules = policy.create(seat);
        this.fallbackToRules = fallbackToRules;
        this.remote = remote;
        this.deadline = deadline;
        this.deadlineNanos = deadline.toNanos();
        this.json = json;
        this.meters = meters;
        this.difficulty = switch (seat.difficulty()) {
            case EASY -> Difficulty.DIFFICULTY_EASY;
            case MEDIUM -> Difficulty.DIFFICULTY_MEDIUM;
            case HARD -> Difficulty.DIFFICULTY_HARD;
        };
        this.playerId = seat.seat().player().toString();
    }

    @Override
    public @Nullable Object act(Object raw, long tick) {
        S state = policy.stateType().cast(raw);
        I local = null;
        if (fallbackToRules) {
            local = rules.decide(state, tick);
            if (local == null) {
                local = unplayed; // the rules decided on a tick the remote had; that decision stands in now
            } else {
                unplayed = local;
            }
        }
        CompletableFuture<DecideResponse> inFlight = pending;
        if (inFlight != null) {
            if (inFlight.isDone()) {
                pending = null;
                return answered(inFlight, state, local);
            }
            if (System.nanoTime() - sentAt > deadlineNanos) {
                pending = null; // the call ends by its own deadline and is counted in the breaker then
                meters.deadlineMissed();
                return fallback("deadline", local);
            }
            return null;
        }
        if (!policy.wantsDecision(state, seat.seat(), tick)) {
            return null;
        }
        List<I> legal = policy.legalActions(state, seat.seat());
        DecideRequest request = request(state, tick, legal);
        long started = System.nanoTime();
        CompletableFuture<DecideResponse> call = remote.decide(request, deadline);
        if (call == null) {
            return fallback("breaker_open", local);
        }
        call.whenComplete((r, t) -> {
            if (t == null) {
                meters.remote(System.nanoTime() - started); // the round trip, not when a tick read it
            }
        });
        pending = call;
        sentAt = started;
        sentLegal = legal;
        return null;
    }

    @Override
    public void detach() {
        pending = null; // an answer still coming is recorded by the breaker and dropped
    }

    private DecideRequest request(S state, long tick, List<I> legal) {
        DecideRequest.Builder b = DecideRequest.newBuilder()
                .setProtocolVersion(RemoteJson.PROTOCOL_VERSION)
                .setId(RemotePolicy.nextId())
                .setGame(policy.game())
                .setMode(seat.mode())
                .setPlayerId(playerId)
                .setSeat(seat.seat().index())
                .setTick(tick)
                .setDifficulty(difficulty)
                .setObservation(bytes(json.observation(policy.observe(state, seat.seat()))))
                .setDeadlineMs((int) Math.max(1, deadline.toMillis()));
        for (I action : legal) {
            b.addLegalActions(bytes(json.action(action)));
        }
        return b.build();
    }

    private static ByteString bytes(byte[] json) {
        return UnsafeByteOperations.unsafeWrap(json); // the array is ours and never changed
    }

    private @Nullable Object answered(CompletableFuture<DecideResponse> call, S state, @Nullable I local) {
        DecideResponse response;
        try {
            response = call.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            if (RemotePolicy.isDeadline(e)) {
                meters.deadlineMissed();
                return fallback("deadline", local);
            }
            warn("remote {} failed: {}", remote.name(), String.valueOf(e.getCause() == null ? e : e.getCause()));
            return fallback("error", local);
        }
        if (!response.getError().isEmpty()) {
            warn("remote {} answered an error for {}: {}", remote.name(), policy.game(), response.getError());
            return fallback("error", local);
        }
        I action;
        switch (response.getDecisionCase()) {
            case DECISION_NOT_SET -> {
                unplayed = null;
                return null; // the model chose to send nothing
            }
            case ACTION_INDEX -> {
                int index = response.getActionIndex();
                if (index < 0 || index >= sentLegal.size()) {
                    warn("remote {} chose action_index {} of {} legal actions", remote.name(), index, sentLegal.size());
                    return fallback("illegal", local);
                }
                action = sentLegal.get(index);
            }
            case ACTION -> {
                try {
                    action = json.parseAction(response.getAction().toByteArray(), policy.inputType());
                } catch (RuntimeException e) {
                    warn("remote {} sent an unreadable {} action: {}", remote.name(), policy.game(), e.getMessage());
                    return fallback("illegal", local);
                }
                if (!sentLegal.isEmpty() && !sentLegal.contains(action)) {
                    warn(
                            "remote {} sent an action not among the legal ones: {}",
                            remote.name(),
                            response.getAction().toStringUtf8());
                    return fallback("illegal", local);
                }
            }
            default -> throw new IllegalStateException("unknown decision " + response.getDecisionCase());
        }
        meters.remoteDecision();
        unplayed = null;
        return policy.fromRemote(action, state, seat.seat());
    }

    private @Nullable Object fallback(String reason, @Nullable I local) {
        meters.fallback(reason, local != null);
        unplayed = null;
        return local;
    }

    private static void warn(String format, @Nullable Object... args) {
        if (WARNINGS.due()) {
            log.warn("bots: " + format + " (further such warnings within 10 s are not logged)", args);
        }
    }
}
