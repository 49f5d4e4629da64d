package org.gamebackend.bots.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The configured remote policy servers ({@code game.bots.remotes}), each on its own channel; closed on shutdown. */
final class RemotePolicies implements AutoCloseable {

    private final Map<String, RemotePolicy> byName;

    RemotePolicies(BotsProperties props, BotMetrics metrics) {
        Map<String, RemotePolicy> remotes = new LinkedHashMap<>();
        try {
            props.remotes().forEach((name, remote) -> {
                RemotePolicy policy = new RemotePolicy(name, remote);
                remotes.put(name, policy);
                metrics.breaker(name, policy.breaker());
            });
        } catch (RuntimeException e) {
            remotes.values().forEach(RemotePolicy::close);
            throw e;
        }
        this.byName = Map.copyOf(remotes);
        props.modes().forEach((mode, bots) -> {
            String remote = bots.remote();
            if (remote != null && !byName.containsKey(remote)) {
                close();
                throw new IllegalStateException("game.bots.modes." + mode + ".remote is '" + remote
                        + "', but no such remote is configured under game.bots.remotes (configured: "
                        + byName.keySet() + ")");
            }
        });
    }

    @Nullable
    RemotePolicy get(String name) {
        return byName.get(name);
    }

    @Override
    public void close() {
        byName.values().forEach(RemotePolicy::close);
    }
}
