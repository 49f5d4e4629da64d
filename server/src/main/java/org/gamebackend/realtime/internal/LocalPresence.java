package org.gamebackend.realtime.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.Presence;
import org.gamebackend.realtime.PubSub;
import org.jspecify.annotations.Nullable;

/**
 * Presence of this node's sockets. Each topic's entries are changed inside {@link ConcurrentHashMap#compute}, which
 * also broadcasts the diff, so diffs reach clients in the order the changes happened. Entries are kept per channel so
 * that a channel's end removes its entries at once.
 */
final class LocalPresence implements Presence {

    private static final String DIFF = "presence_diff";

    private final Map<String, Map<ChannelContext, Map<String, Map<String, Object>>>> topics = new ConcurrentHashMap<>();
    private final PubSub pubSub;
    private final PresenceRefs refs = new PresenceRefs();

    LocalPresence(PubSub pubSub) {
        this.pubSub = pubSub;
    }

    @Override
    public void track(ChannelContext channel, String key, Map<String, ?> meta) {
        if (!channel.joined()) {
            return; // it left meanwhile (tracking from another thread): its entries were already removed
        }
        Map<String, Object> entry = withRef(meta, null);
        change(channel.topic(), entries -> {
            entries.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(key, entry);
            return diff(Map.of(key, entry), Map.of());
        });
    }

    @Override
    public void update(ChannelContext channel, String key, Map<String, ?> meta) {
        if (!channel.joined()) {
            return;
        }
        change(channel.topic(), entries -> {
            Map<String, Map<String, Object>> mine = entries.computeIfAbsent(channel, c -> new LinkedHashMap<>());
            Map<String, Object> old = mine.get(key);
            Map<String, Object> entry = withRef(meta, old == null ? null : (String) old.get("phx_ref"));
            mine.put(key, entry);
            return diff(Map.of(key, entry), old == null ? Map.of() : Map.of(key, old));
        });
    }

    @Override
    public void untrack(ChannelContext channel, String key) {
        change(channel.topic(), entries -> {
            Map<String, Map<String, Object>> mine = entries.get(channel);
            Map<String, Object> old = mine == null ? null : mine.remove(key);
            if (mine != null && mine.isEmpty()) {
                entries.remove(channel);
            }
            return old == null ? null : diff(Map.of(), Map.of(key, old));
        });
    }

    /** Removes everything {@code channel} tracked; called when a channel ends for any reason. */
    void untrackAll(ChannelContext channel) {
        if (!topics.containsKey(channel.topic())) {
            return;
        }
        change(channel.topic(), entries -> {
            Map<String, Map<String, Object>> mine = entries.remove(channel);
            return mine == null ? null : diff(Map.of(), mine);
        });
    }

    @Override
    public Map<String, Object> list(String topic) {
        Map<String, Object> state = new LinkedHashMap<>();
        topics.computeIfPresent(topic, (t, entries) -> {
            state.putAll(group(entries.values()));
            return entries;
        });
        return state;
    }

    private interface Change {
        /** Mutates the topic's entries and returns the diff to broadcast, or null for none. */
        @Nullable
        Map<String, Object> apply(Map<ChannelContext, Map<String, Map<String, Object>>> entries);
    }

    private void change(String topic, Change change) {
        topics.compute(topic, (t, entries) -> {
            var current =
                    entries == null ? new LinkedHashMap<ChannelContext, Map<String, Map<String, Object>>>() : entries;
            Map<String, Object> diff = change.apply(current);
            if (diff != null) {
                pubSub.broadcast(topic, DIFF, diff);
            }
            return current.isEmpty() ? null : current;
        });
    }

    private Map<String, Object> withRef(Map<String, ?> meta, @Nullable String previous) {
        Map<String, Object> entry = new LinkedHashMap<>(meta);
        entry.put("phx_ref", refs.next());
        if (previous != null) {
            entry.put("phx_ref_prev", previous);
        }
        return entry;
    }

    private static Map<String, Object> diff(
            Map<String, Map<String, Object>> joins, Map<String, Map<String, Object>> leaves) {
        return Map.of("joins", group(List.of(joins)), "leaves", group(List.of(leaves)));
    }

    /** {@code {key: {metas: [meta, ...]}}}, keys and metas in tracking order. */
    private static Map<String, Object> group(Iterable<Map<String, Map<String, Object>>> perChannel) {
        Map<String, List<Map<String, Object>>> metas = new LinkedHashMap<>();
        for (Map<String, Map<String, Object>> entries : perChannel) {
            entries.forEach((key, meta) ->
                    metas.computeIfAbsent(key, k -> new ArrayList<>()).add(meta));
        }
        Map<String, Object> grouped = new LinkedHashMap<>();
        metas.forEach((key, list) -> grouped.put(key, Map.of("metas", list)));
        return grouped;
    }

    /**
     * Unique refs in the tracker's format: URL-safe base64 of 12 bytes (time in ns, a node hash, a counter), 16
     * characters, as {@code Phoenix.Tracker.Shard.random_ref/0} makes them.
     */
    static final class PresenceRefs {
        private final short node = (short) ProcessHandle.current().pid();
        private final AtomicInteger counter = new AtomicInteger();

        String next() {
            ByteBuffer bytes = ByteBuffer.allocate(12);
            bytes.putLong(System.currentTimeMillis() * 1_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L));
            bytes.putShort(node);
            bytes.putShort((short) counter.incrementAndGet());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        }
    }
}
