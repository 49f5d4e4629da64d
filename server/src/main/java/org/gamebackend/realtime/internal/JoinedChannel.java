package org.gamebackend.realtime.internal;

import org.gamebackend.accounts.PlayerId;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;

/** A joined topic on one connection; its join_ref is the ref of the {@code phx_join} that created it. */
final class JoinedChannel implements ChannelContext {

    private final Connection connection;
    private final String topic;
    private final String joinRef;
    private final ChannelHandler handler;
    private final Channels channels;
    private volatile boolean joined;

    JoinedChannel(Connection connection, String topic, String joinRef, ChannelHandler handler, Channels channels) {
        this.connection = connection;
        this.topic = topic;
        this.joinRef = joinRef;
        this.handler = handler;
        this.channels = channels;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public PlayerId player() {
        return connection.player();
    }

    @Override
    public void push(String event, Object payload) {
        if (joined) {
            connection.send(connection.serializer().push(joinRef, topic, event, payload));
        }
    }

    @Override
    public boolean joined() {
        return joined;
    }

    @Override
    public void close() {
        connection.execute(() -> channels.close(this));
    }

    void joined(boolean joined) {
        this.joined = joined;
    }

    Connection connection() {
        return connection;
    }

    String joinRef() {
        return joinRef;
    }

    ChannelHandler handler() {
        return handler;
    }

    @Override
    public String toString() {
        return topic + " (join_ref " + joinRef + ", player " + connection.player() + ")";
    }
}
