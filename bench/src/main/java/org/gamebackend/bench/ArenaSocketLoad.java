package org.gamebackend.bench;

import io.netty.buffer.ByteBuf;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.resources.ConnectionProvider;

/**
 * Arena over real sockets against a running server: {@code matches} private 4-seat arena matches of guest players,
 * one WebSocket per player (Reactor Netty, like the realtime {@code SocketLoad}), each sending an input at 20 Hz.
 * Input-to-effect latency is the time from sending input {@code n} until the first {@code state} broadcast showing
 * this player's {@code last_seq >= n}; recorded in HdrHistogram after the warm-up. Incoming frames are scanned as
 * bytes for this player's id and the {@code last_seq} after it, never parsed into trees.
 *
 * <p>Usage: {@code ArenaSocketLoad [baseUrl] [matches] [seconds] [warmupSeconds] [serverPid]} — with a server pid the
 * server's CPU over the measured window is read from {@code /proc}. The server must allow the rate
 * (AUTH_RATE_PER_IP) and its arena matches must outlast the run (GAME_GAMES_ARENAMATCHLENGTH).
 */
public final class ArenaSocketLoad {

    private static final long TICK_NANOS = 50_000_000L;
    private static final int SLICES = 10; // inputs are paced in 10 slices of 5 ms, spread over each 50 ms period
    private static final Pattern FIELD =
            Pattern.compile("\"(player_id|access_token|invite_code|match_id)\":\"([^\"]+)\"");
    private static final byte[] LAST_SEQ = "\"last_seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATE_EVENT = "\"state\",".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_ERROR = "\"status\":\"error\"".getBytes(StandardCharsets.US_ASCII);

    private final Recorder latency = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicLong inputsSent = new AtomicLong();
    private final AtomicLong inputsApplied = new AtomicLong();
    private final AtomicLong inputErrors = new AtomicLong();
    private final AtomicLong stateFrames = new AtomicLong();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureTo = Long.MAX_VALUE;

    private ArenaSocketLoad() {}

    public static void main(String[] args) throws Exception {
        String base = arg(args, 0, "http://localhost:4000");
        int matches = Integer.parseInt(arg(args, 1, "100"));
        int seconds = Integer.parseInt(arg(args, 2, "30"));
        int warmup = Integer.parseInt(arg(args, 3, "10"));
        long serverPid = Long.parseLong(arg(args, 4, "0"));
        new ArenaSocketLoad().run(base, matches, seconds, warmup, serverPid);
    }

    /** One player's socket: its send times by seq, and the last seq the server showed as applied. */
    static final class Player {
        final String id;
        final String token;
        final byte[] idNeedle;
        String topic = "";
        final long[] sentAt = new long[256]; // by seq % 256; ≥ 12 s of inputs before a slot is reused
        long seq; // pacer thread only
        long applied; // event-loop thread only
        final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        final Sinks.One<Void> joined = Sinks.one();

        Player(String id, String token) {
            this.id = id;
            this.token = token;
            this.idNeedle = ("\"id\":\"" + id + "\"").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private void run(String base, int matches, int seconds, int warmup, long serverPid) throws Exception {
        long t0 = System.nanoTime();
        List<Player> players = setUp(base, matches);
        System.out.printf(
                Locale.ROOT,
                "%d matches (%d guests) created in %.1f s%n",
                matches,
                players.size(),
                (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        String ws = base.replaceFirst("^http", "ws") + "/socket/websocket?vsn=2.0.0&token=";
        var http = reactor.netty.http.client.HttpClient.create(ConnectionProvider.newConnection());
        var spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();
        AtomicInteger failed = new AtomicInteger();
        Flux.fromIterable(players)
                .flatMap(
                        p -> {
                            http.websocket(spec)
                                    .uri(ws + p.token)
                                    .handle((in, out) -> {
                                        receive(p, in);
                                        return out.sendString(p.out.asFlux());
                                    })
                                    .subscribe(
                                            null,
                                            e -> {
                                                closed.incrementAndGet();
                                                p.joined.tryEmitError(e);
                                            },
                                            closed::incrementAndGet);
                            p.out.tryEmitNext("[\"1\",\"1\",\"" + p.topic + "\",\"phx_join\",{}]");
                            return p.joined
                                    .asMono()
                                    .timeout(Duration.ofSeconds(60))
                                    .onErrorResume(e -> {
                                        if (failed.incrementAndGet() <= 5) {
                                            System.err.println("socket " + p.id + ": " + e);
                                        }
                                        return Mono.empty();
                                    });
                        },
                        200)
                .blockLast();
        System.out.printf(
                Locale.ROOT,
                "%d of %d sockets joined in %.1f s%n",
                players.size() - failed.get(),
                players.size(),
                (System.nanoTime() - t0) / 1e9);
        if (failed.get() > 0) {
            System.exit(1);
        }

        // pacing: one platform thread, every 5 ms one tenth of the players send their next input
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong round = new AtomicLong();
        pacer.scheduleAtFixedRate(
                () -> {
                    long r = round.getAndIncrement();
                    int slice = (int) (r % SLICES);
                    boolean heartbeat = (r / SLICES) % 600 == 0; // every 30 s, per slice
                    for (int i = slice; i < players.size(); i += SLICES) {
                        Player p = players.get(i);
                        long n = ++p.seq;
                        int dx = (int) ((n / 40 + i) % 3) - 1;
                        int dy = (int) ((n / 60 + i) % 3) - 1;
                        String frame = "[\"1\",\"" + (n + 1) + "\",\"" + p.topic + "\",\"input\",{\"seq\":" + n
                                + ",\"move\":[" + dx + "," + dy + "],\"fire\":false,\"aim\":0}]";
                        p.sentAt[(int) (n & 255)] = System.nanoTime();
                        p.out.tryEmitNext(frame);
                        inputsSent.incrementAndGet();
                        if (heartbeat) {
                            p.out.tryEmitNext("[null,\"h\",\"phoenix\",\"heartbeat\",{}]");
                        }
                    }
                },
                0,
                TICK_NANOS / SLICES,
                TimeUnit.NANOSECONDS);

        Thread.sleep(Duration.ofSeconds(warmup));
        latency.reset();
        long sent0 = inputsSent.get();
        long applied0 = inputsApplied.get();
        long frames0 = stateFrames.get();
        long errors0 = inputErrors.get();
        long serverCpu0 = processCpuNanos(serverPid);
        long clientCpu0 = ownCpuNanos();
        long[] machine0 = machineCpu();
        long from = System.nanoTime();
        measureFrom = from;
        Thread.sleep(Duration.ofSeconds(seconds));
        long to = System.nanoTime();
        measureTo = to;
        Histogram h = latency.getIntervalHistogram();
        long serverCpu = processCpuNanos(serverPid) - serverCpu0;
        long clientCpu = ownCpuNanos() - clientCpu0;
        long[] machine1 = machineCpu();
        pacer.shutdownNow();

        double wall = (to - from) / 1e9;
        double machineBusy = machine1[1] - machine0[1] == 0
                ? 0
                : 100.0 * (1 - (machine1[0] - machine0[0]) / (double) (machine1[1] - machine0[1]));
        System.out.printf(
                Locale.ROOT,
                "RESULT matches %d sockets %d: inputs/s %.0f applied/s %.0f state frames/s %.0f errors %d closed %d;"
                        + " input-to-effect ms p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f (n=%d);"
                        + " cpu%% server %.0f client %.0f machine %.0f (of 2 cores: 200%%)%n",
                matches,
                players.size(),
                (inputsSent.get() - sent0) / wall,
                (inputsApplied.get() - applied0) / wall,
                (stateFrames.get() - frames0) / wall,
                inputErrors.get() - errors0,
                closed.get(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                h.getTotalCount(),
                serverPid > 0 ? 100.0 * serverCpu / (to - from) : Double.NaN,
                100.0 * clientCpu / (to - from),
                2 * machineBusy);
        System.exit(0);
    }

    /** Scans each incoming frame: state broadcasts for this player's last_seq, replies for errors, the join reply. */
    private void receive(Player p, WebsocketInbound in) {
        in.receiveFrames()
                .subscribe(
                        frame -> {
                            ByteBuf buf = frame.content();
                            int from = buf.readerIndex();
                            int to = buf.writerIndex();
                            if (indexOf(buf, STATE_EVENT, from, Math.min(to, from + 100)) >= 0) {
                                long now = System.nanoTime();
                                stateFrames.incrementAndGet();
                                int at = indexOf(buf, p.idNeedle, from, to);
                                if (at < 0) {
                                    return;
                                }
                                int seqAt = indexOf(buf, LAST_SEQ, at, to);
                                if (seqAt < 0) {
                                    return;
                                }
                                long seen = 0;
                                for (int i = seqAt + LAST_SEQ.length; i < to; i++) {
                                    byte b = buf.getByte(i);
                                    if (b < '0' || b > '9') {
                                        break;
                                    }
                                    seen = seen * 10 + (b - '0');
                                }
                                if (seen > p.applied) {
                                    long lo = Math.max(p.applied + 1, seen - 255);
                                    for (long n = lo; n <= seen; n++) {
                                        long sent = p.sentAt[(int) (n & 255)];
                                        if (sent >= measureFrom && sent < measureTo) {
                                            latency.recordValue(Math.max(0, now - sent));
                                        }
                                    }
                                    inputsApplied.addAndGet(seen - p.applied);
                                    p.applied = seen;
                                }
                            } else if (indexOf(buf, STATUS_ERROR, from, to) >= 0) {
                                if (inputErrors.incrementAndGet() <= 5) {
                                    System.err.println("error reply: " + buf.toString(StandardCharsets.UTF_8));
                                }
                            } else if (buf.getByte(from + 1) == '"'
                                    && buf.getByte(from + 2) == '1'
                                    && buf.getByte(from + 6) == '1'
                                    && buf.getByte(from + 7) == '"') {
                                p.joined.tryEmitEmpty(); // ["1","1",...,"phx_reply",{"status":"ok"...
                            }
                        },
                        e -> {}); // a reset connection: counted as closed by the socket's own subscriber
    }

    private static int indexOf(ByteBuf buf, byte[] needle, int from, int to) {
        byte first = needle[0];
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            if (buf.getByte(i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Guests, then per match: one creates a private 4-seat arena match, three join by invite code. */
    private static List<Player> setUp(String base, int matches) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        List<Player> players = new ArrayList<>();
        try (ExecutorService pool =
                Executors.newFixedThreadPool(32, Thread.ofVirtual().factory())) {
            List<Future<List<Player>>> created = new ArrayList<>();
            for (int m = 0; m < matches; m++) {
                created.add(pool.submit(() -> {
                    List<Player> four = new ArrayList<>();
                    for (int s = 0; s < 4; s++) {
                        String body = post(
                                http, base + "/api/v1/auth/guest", "", "{\"device_id\":\"" + UUID.randomUUID() + "\"}");
                        four.add(new Player(field(body, "player_id"), field(body, "access_token")));
                    }
                    String code = field(
                            post(
                                    http,
                                    base + "/api/v1/matches",
                                    four.getFirst().token,
                                    "{\"game\":\"arena\",\"seats\":4}"),
                            "invite_code");
                    String matchId = null;
                    for (Player p : four.subList(1, 4)) {
                        String answer = post(
                                http, base + "/api/v1/matches/join", p.token, "{\"invite_code\":\"" + code + "\"}");
                        Matcher id =
                                Pattern.compile("\"match_id\":\"([^\"]+)\"").matcher(answer);
                        if (id.find()) {
                            matchId = id.group(1);
                        }
                    }
                    if (matchId == null) {
                        throw new IllegalStateException("the fourth join did not start the match");
                    }
                    for (Player p : four) {
                        p.topic = "match:" + matchId;
                    }
                    return four;
                }));
            }
            for (Future<List<Player>> f : created) {
                players.addAll(f.get());
            }
        }
        return players;
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!token.isEmpty()) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    /** utime + stime of a process from /proc, in ns (assumes 100 clock ticks a second); 0 without a pid. */
    private static long processCpuNanos(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {idle + iowait, total} jiffies of the whole machine, from /proc/stat. */
    private static long[] machineCpu() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {Long.parseLong(f[4]) + Long.parseLong(f[5]), total};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
