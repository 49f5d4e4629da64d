package org.gamebackend.bench.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gamebackend.GameBackendApplication;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Payload;
import org.gamebackend.realtime.PubSub;
import org.gamebackend.realtime.Reply;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The real server plus one channel for the broadcast benchmark: {@code bench:*}, which anyone may join, and whose
 * {@code blast} event makes the server broadcast {@code tick} messages to a list of topics from a thread of its own
 * (as a match's tick worker would). Each tick carries the server's {@link System#nanoTime} (CLOCK_MONOTONIC on Linux,
 * comparable between processes of one machine), so the load generator can measure delivery latency.
 */
@Configuration(proxyBeanMethods = false)
public class BenchServer {

    public static void main(String[] args) {
        GameBackendApplication.main(args); // component scanning picks this class up
    }

    @Bean
    ChannelHandler benchChannelHandler(PubSub pubSub) {
        return new ChannelHandler() {
            @Override
            public String topicPattern() {
                return "bench:*";
            }

            @Override
            public Reply join(ChannelContext channel, JsonNode params) {
                return Reply.ok();
            }

            @Override
            public Reply handleIn(ChannelContext channel, String event, Payload payload) {
                if (!"blast".equals(event)) {
                    return Reply.error("unhandled event");
                }
                JsonNode p = payload.json();
                List<String> topics = new ArrayList<>();
                p.get("topics").forEach(t -> topics.add(t.asString()));
                int messages = p.get("messages").asInt();
                long intervalMs = p.get("interval_ms").asLong();
                String pad = "x".repeat(p.path("size").asInt(0));
                Thread.ofPlatform().daemon().name("bench-blast").start(() -> {
                    for (int seq = 0; seq < messages; seq++) {
                        for (String topic : topics) {
                            pubSub.broadcast(topic, "tick", Map.of("t", System.nanoTime(), "seq", seq, "pad", pad));
                        }
                        sleep(intervalMs);
                    }
                });
                return Reply.ok();
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
