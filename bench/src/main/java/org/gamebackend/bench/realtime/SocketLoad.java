package org.gamebackend.bench.realtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Opens many sockets against a running server, each as its own player (tokens are minted with the server's HS256
 * secret, no database involved), and either holds them idle or measures a broadcast.
 *
 * <pre>
 * idle      --connections N [--hold-seconds S]      join user:&lt;id&gt;, heartbeat every 30 s, print READY, hold
 * broadcast --subscribers N --topics T --messages M [--interval-ms I] [--size B]
 * </pre>
 *
 * Common: {@code --url ws://localhost:4100} {@code --secret ...} {@code --concurrency 200} (handshakes in flight).
 */
public final class SocketLoad {

    private final Map<String, String> options;
    private final String url;
    private final MACSigner signer;
    private final HttpClient http;

    private SocketLoad(Map<String, String> options) throws JOSEException {
        this.options = options;
        this.url = option("url", "ws://localhost:4100") + "/socket/websocket?vsn=2.0.0&token=";
        this.signer = new MACSigner(option("secret", "").getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.create(ConnectionProvider.newConnection()).option(ChannelOption.SO_KEEPALIVE, false);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var load = new SocketLoad(options);
        switch (args.length == 0 ? "" : args[0]) {
            case "idle" -> load.idle();
            case "broadcast" -> load.broadcast();
            default -> throw new IllegalArgumentException("usage: idle|broadcast --option value ...");
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    private void idle() throws InterruptedException {
        int connections = intOption("connections", 1000);
        long start = System.nanoTime();
        int joined = openAll(connections, i -> "user:" + "%s", message -> {});
        System.out.printf(
                "READY %d of %d sockets joined in %.1f s%n", joined, connections, (System.nanoTime() - start) / 1e9);
        Thread.sleep(Duration.ofSeconds(intOption("hold-seconds", 600)));
        System.exit(0);
    }

    private void broadcast() throws Exception {
        int subscribers = intOption("subscribers", 10_000);
        int topics = intOption("topics", 1);
        int messages = intOption("messages", 100);
        long expected = (long) subscribers * messages;
        var latency = new ConcurrentHistogram(3);
        var delivered = new AtomicLong();
        var first = new AtomicLong();
        var last = new AtomicLong();
        var done = Sinks.<Void>one();
        int joined = openAll(subscribers, i -> "bench:t" + (i % topics), message -> {
            int at = message.indexOf("\"t\":");
            if (at < 0 || !message.contains("\"tick\"")) {
                return;
            }
            long now = System.nanoTime();
            long sent = Long.parseLong(message.substring(at + 4, endOfNumber(message, at + 4)));
            latency.recordValue(Math.max(0, now - sent));
            first.compareAndSet(0, now);
            last.set(now);
            if (delivered.incrementAndGet() == expected) {
                done.tryEmitEmpty();
            }
        });
        System.out.printf("%d subscribers joined on %d topic(s)%n", joined, topics);
        List<String> topicList = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            topicList.add("\"bench:t" + t + "\"");
        }
        String blast =
                "[\"1\",\"2\",\"bench:control\",\"blast\",{\"topics\":%s,\"messages\":%d,\"interval_ms\":%s,\"size\":%s}]"
                        .formatted(topicList, messages, option("interval-ms", "10"), option("size", "0"));
        String join = "[\"1\",\"1\",\"bench:control\",\"phx_join\",{}]";
        http.websocket()
                .uri(url + token(UUID.randomUUID()))
                .handle((in, out) -> out.sendString(Flux.just(join, blast).delayElements(Duration.ofMillis(200)))
                        .then()
                        .and(in.receive().then()))
                .subscribe();
        done.asMono()
                .timeout(Duration.ofSeconds(intOption("timeout-seconds", 120)), Mono.empty())
                .block();
        double seconds = (last.get() - first.get()) / 1e9;
        System.out.printf(
                "delivered %d of %d in %.2f s = %.0f messages/s; latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                delivered.get(),
                expected,
                seconds,
                delivered.get() / Math.max(seconds, 1e-9),
                latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6,
                latency.getValueAtPercentile(99.9) / 1e6,
                latency.getMaxValue() / 1e6);
        System.exit(0);
    }

    private static int endOfNumber(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    interface TopicOf {
        String topic(int index);
    }

    interface OnMessage {
        void accept(String message);
    }

    /** Opens {@code n} sockets, each joining one topic; returns how many joined. */
    private int openAll(int n, TopicOf topicOf, OnMessage onMessage) {
        var joined = new AtomicInteger();
        Flux.range(0, n)
                .flatMap(
                        i -> open(topicOf.topic(i), onMessage)
                                .doOnSuccess(v -> joined.incrementAndGet())
                                .onErrorResume(e -> {
                                    System.err.println("socket " + i + ": " + e);
                                    return Mono.empty();
                                }),
                        intOption("concurrency", 200))
                .blockLast();
        return joined.get();
    }

    /** One socket: join, then a heartbeat every 30 s (first one at a random offset); completes when joined. */
    private Mono<Void> open(String topicPattern, OnMessage onMessage) {
        UUID player = UUID.randomUUID();
        String topic = topicPattern.formatted(player);
        var joinedSignal = Sinks.<Void>one();
        String join = "[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]";
        var heartbeats = Flux.interval(
                        Duration.ofMillis(ThreadLocalRandom.current().nextLong(30_000)), Duration.ofSeconds(30))
                .map(n -> "[null,\"h" + n + "\",\"phoenix\",\"heartbeat\",{}]");
        http.websocket(reactor.netty.http.client.WebsocketClientSpec.builder()
                        .maxFramePayloadLength(1 << 20)
                        .build())
                .uri(url + token(player))
                .handle((in, out) -> {
                    in.receive().asString().subscribe(message -> {
                        if (message.startsWith("[\"1\",\"1\"") && message.contains("\"ok\"")) {
                            joinedSignal.tryEmitEmpty();
                        }
                        onMessage.accept(message);
                    });
                    return out.sendString(Flux.concat(Mono.just(join), heartbeats));
                })
                .subscribe(null, e -> joinedSignal.tryEmitError(e));
        return joinedSignal.asMono().timeout(Duration.ofSeconds(60));
    }

    private String token(UUID player) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(option("issuer", "game-backend"))
                .subject(player.toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
                .claim("roles", List.of("PLAYER"))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
