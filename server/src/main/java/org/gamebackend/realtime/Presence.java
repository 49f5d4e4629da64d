package org.gamebackend.realtime;

import java.util.Map;

/**
 * Who is on a topic, in the shape the Phoenix JS client's {@code Presence} class reads: the state is
 * {@code {key: {metas: [{...meta, phx_ref}]}}}, changes are broadcast as {@code presence_diff} with {@code joins} and
 * {@code leaves}. A tracked entry belongs to the channel that tracked it and leaves when that channel ends, including
 * when its socket dies.
 */
public interface Presence {

    /** Tracks {@code channel}'s player under {@code key} on the channel's topic and broadcasts the join. */
    void track(ChannelContext channel, String key, Map<String, ?> meta);

    /** Replaces the meta (new {@code phx_ref}, {@code phx_ref_prev} = old ref); broadcast as a leave plus a join. */
    void update(ChannelContext channel, String key, Map<String, ?> meta);

    /** Removes the entry and broadcasts the leave. */
    void untrack(ChannelContext channel, String key);

    /** The {@code presence_state} payload of a topic. */
    Map<String, Object> list(String topic);
}
