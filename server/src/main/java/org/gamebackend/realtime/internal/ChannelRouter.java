package org.gamebackend.realtime.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gamebackend.realtime.ChannelHandler;
import org.jspecify.annotations.Nullable;

/** Finds the handler of a topic: an exact pattern first, then the longest matching {@code prefix*}. */
final class ChannelRouter {

    private final Map<String, ChannelHandler> exact = new HashMap<>();
    private final List<Map.Entry<String, ChannelHandler>> prefixes;

    ChannelRouter(List<ChannelHandler> handlers) {
        Map<String, ChannelHandler> byPrefix = new HashMap<>();
        for (ChannelHandler handler : handlers) {
            String pattern = handler.topicPattern();
            boolean wildcard = pattern.endsWith("*");
            Map<String, ChannelHandler> target = wildcard ? byPrefix : exact;
            String key = wildcard ? pattern.substring(0, pattern.length() - 1) : pattern;
            ChannelHandler previous = target.putIfAbsent(key, handler);
            if (previous != null) {
                throw new IllegalStateException("Two channel handlers for the topic pattern " + pattern + ": "
                        + previous.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
        this.prefixes = byPrefix.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, ChannelHandler> e) ->
                                e.getKey().length())
                        .reversed())
                .toList();
    }

    @Nullable
    ChannelHandler route(String topic) {
        ChannelHandler handler = exact.get(topic);
        if (handler != null) {
            return handler;
        }
        for (Map.Entry<String, ChannelHandler> prefix : prefixes) {
            if (topic.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }
}
