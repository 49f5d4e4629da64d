package org.gamebackend.realtime.internal;

import java.util.Map;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.LeaveReason;
import org.gamebackend.realtime.Reply;
import org.gamebackend.realtime.protocol.Decoded;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phoenix's channel rules ({@code Phoenix.Socket.handle_in/4}, {@code Phoenix.Channel.Server}): join, duplicate join,
 * leave, events, stale join_refs, unmatched topics and crashes. Runs on the socket's event loop.
 */
final class Channels {

    private static final Logger log = LoggerFactory.getLogger(Channels.class);
    private static final Map<String, Object> EMPTY = Map.of();

    private final ChannelRouter router;
    private final LocalPubSub pubSub;
    private final LocalPresence presence;
    private final RealtimeMetrics metrics;
    private final int maxChannels;

    Channels(
            ChannelRouter router,
            LocalPubSub pubSub,
            LocalPresence presence,
            RealtimeMetrics metrics,
            RealtimeProperties props) {
        this.router = router;
        this.pubSub = pubSub;
        this.presence = presence;
        this.metrics = metrics;
        this.maxChannels = props.maxChannels();
    }

    void join(Connection connection, Decoded.Inbound message) {
        String topic = message.topic();
        JoinedChannel previous = connection.channel(topic);
        if (previous != null) {
            // a second join of a joined topic replaces the first, which is told it is closed
            end(previous, LeaveReason.REPLACED);
            sendClose(previous);
        } else if (connection.channelCount() >= maxChannels) {
            refuseJoin(connection, message, message.joinRef(), Errors.TOO_MANY_CHANNELS, "too_many_channels");
            return;
        }
        ChannelHandler handler = router.route(topic);
        if (handler == null) {
            refuseJoin(connection, message, null, Errors.UNMATCHED_TOPIC, "unmatched");
            return;
        }
        String joinRef = message.joinRef() != null ? message.joinRef() : message.ref();
        var joined = new JoinedChannel(connection, topic, joinRef == null ? "" : joinRef, handler, this);
        Reply reply;
        try {
            reply = handler.join(joined, message.payload().json());
        } catch (RuntimeException e) {
            log.warn("Join of {} crashed", joined, e);
            refuseJoin(connection, message, joined.joinRef(), Errors.JOIN_CRASHED, "crashed");
            return;
        }
        finishJoin(connection, message, joined, reply);
    }

    private void finishJoin(Connection connection, Decoded.Inbound message, JoinedChannel joined, Reply reply) {
        String topic = message.topic();
        switch (reply) {
            case Reply.Failure(Object response) -> {
                connection.reply(joined.joinRef(), message.ref(), topic, "error", response);
                metrics.join(topic, "error");
                return;
            }
            case Reply.Later(var later) -> {
                // a handler that must look something up answers later; the join completes on the event loop
                later.whenComplete((done, failure) -> connection.execute(() -> {
                    if (!connection.open()) {
                        return;
                    }
                    if (failure != null) {
                        log.warn("Join of {} crashed", joined, failure);
                        refuseJoin(connection, message, joined.joinRef(), Errors.JOIN_CRASHED, "crashed");
                        return;
                    }
                    JoinedChannel meanwhile = connection.channel(topic);
                    if (meanwhile != null) {
                        end(meanwhile, LeaveReason.REPLACED);
                        sendClose(meanwhile);
                    }
                    finishJoin(connection, message, joined, done);
                }));
                return;
            }
            case Reply.Ok _, Reply.None _ -> {}
        }
        connection.add(joined);
        joined.joined(true);
        // subscribe before the ok reply, as Phoenix does: a client that saw its join succeed must not miss a
        // broadcast that another socket sends right after
        if (joined.handler().receivesBroadcasts(joined)) {
            pubSub.subscribe(joined);
        }
        connection.reply(joined.joinRef(), message.ref(), topic, "ok", reply instanceof Reply.Ok(var r) ? r : EMPTY);
        metrics.join(topic, "ok");
        try {
            joined.handler().afterJoin(joined);
        } catch (RuntimeException e) {
            crash(joined, e);
        }
    }

    private void refuseJoin(
            Connection connection, Decoded.Inbound message, @Nullable String joinRef, String reason, String result) {
        connection.reply(joinRef, message.ref(), message.topic(), "error", Errors.reason(reason));
        metrics.join(message.topic(), result);
    }

    void leave(Connection connection, Decoded.Inbound message) {
        JoinedChannel joined = connection.channel(message.topic());
        if (joined == null) {
            connection.reply(message.joinRef(), message.ref(), message.topic(), "ok", EMPTY);
        } else if (current(joined, message)) {
            connection.reply(joined.joinRef(), message.ref(), message.topic(), "ok", EMPTY);
            end(joined, LeaveReason.LEFT);
            sendClose(joined);
        }
    }

    void handleIn(Connection connection, Decoded.Inbound message) {
        JoinedChannel joined = connection.channel(message.topic());
        if (joined == null) {
            connection.reply(null, message.ref(), message.topic(), "error", Errors.reason(Errors.UNMATCHED_TOPIC));
            return;
        }
        if (!current(joined, message)) {
            return; // a push from an earlier join of this topic: Phoenix ignores it
        }
        Reply reply;
        try {
            reply = joined.handler().handleIn(joined, message.event(), message.payload());
        } catch (RuntimeException e) {
            crash(joined, e);
            return;
        }
        answer(connection, joined, message, reply);
    }

    private void answer(Connection connection, JoinedChannel joined, Decoded.Inbound message, Reply reply) {
        switch (reply) {
            case Reply.Ok(Object response) ->
                connection.reply(joined.joinRef(), message.ref(), message.topic(), "ok", response);
            case Reply.Failure(Object response) ->
                connection.reply(joined.joinRef(), message.ref(), message.topic(), "error", response);
            case Reply.None() -> {}
            case Reply.Later(var later) ->
                later.whenComplete((done, failure) -> connection.execute(() -> {
                    if (!joined.joined()) {
                        return; // the channel went away meanwhile: Phoenix drops such replies too
                    }
                    if (failure != null) {
                        crash(joined, failure instanceof RuntimeException re ? re : new IllegalStateException(failure));
                    } else {
                        answer(connection, joined, message, done);
                    }
                }));
        }
    }

    /** The server ends a channel ({@link JoinedChannel#close}); on the socket's event loop. */
    void close(JoinedChannel joined) {
        if (joined.connection().channel(joined.topic()) == joined) {
            end(joined, LeaveReason.CLOSED);
            sendClose(joined);
        }
    }

    private static boolean current(JoinedChannel joined, Decoded.Inbound message) {
        return message.joinRef() == null || message.joinRef().equals(joined.joinRef());
    }

    private void crash(JoinedChannel joined, RuntimeException e) {
        log.warn("Channel {} crashed", joined, e);
        end(joined, LeaveReason.CRASHED);
        announce(joined, "phx_error");
    }

    private static void sendClose(JoinedChannel joined) {
        announce(joined, "phx_close");
    }

    /**
     * {@code [join_ref, join_ref, topic, event, {}]}: how Phoenix tells a client that a channel closed or crashed
     * ({@code encode_close}, {@code encode_on_exit} in {@code Phoenix.Socket}; both send an empty payload).
     */
    private static void announce(JoinedChannel joined, String event) {
        Connection connection = joined.connection();
        connection.send(
                connection.serializer().message(joined.joinRef(), joined.joinRef(), joined.topic(), event, EMPTY));
    }

    /** Ends a channel once: unsubscribes, removes its presences (broadcasting the leaves), tells its handler. */
    void end(JoinedChannel joined, LeaveReason reason) {
        if (!joined.connection().remove(joined)) {
            return;
        }
        joined.joined(false);
        pubSub.unsubscribe(joined);
        presence.untrackAll(joined);
        try {
            joined.handler().left(joined, reason);
        } catch (RuntimeException e) {
            log.warn("Channel handler failed on leave of {}", joined, e);
        }
    }
}
