package org.gamebackend.bench;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.gamebackend.bots.grpc.v1.BotPolicyServiceGrpc;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;
import org.gamebackend.bots.grpc.v1.Difficulty;
import org.jspecify.annotations.Nullable;

/**
 * Remote bot decisions per second over ONE gRPC channel to a bot_policy.proto server (the example server of
 * bot-policy-example): {@code inflight} decisions are kept in flight (closed loop: each answer sends the next), either
 * as unary {@code Decide} calls or over one {@code DecideStream}. Requests are what game-backend sends for a tic-tac-toe
 * bot on its turn (observation and legal actions as JSON). Prints decisions/s and p50/p90/p99/max round trip, and the
 * CPU time the client and (given its pid, on the same machine) the server spent per decision — on a machine shared with
 * other work the rate is what this run got, the CPU per decision what it costs.
 *
 * <p>Usage: {@code BotRemoteLoad [target] [unary|stream] [inflight] [seconds] [warmupSeconds] [serverPid]}
 */
public final class BotRemoteLoad {

    private BotRemoteLoad() {}

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "localhost:9090";
        String mode = args.length > 1 ? args[1] : "unary";
        int inflight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        long serverPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
        if (!mode.equals("unary") && !mode.equals("stream")) {
            throw new IllegalArgumentException("mode must be unary or stream, was " + mode);
        }
        ManagedChannel channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
                .directExecutor()
                .build();
        try {
            Load load = new Load(channel, mode.equals("stream"), inflight);
            load.start();
            Thread.sleep(warmup * 1000L);
            load.recorder.reset();
            long done0 = load.done.get();
            long errors0 = load.errors.get();
            long client0 = clientCpuNanos();
            long server0 = serverCpuNanos(serverPid);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long done = load.done.get() - done0;
            long errors = load.errors.get() - errors0;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double clientCpu = (clientCpuNanos() - client0) / 1e3 / Math.max(1, done);
            double serverCpu = (serverCpuNanos(serverPid) - server0) / 1e3 / Math.max(1, done);
            Histogram h = load.recorder.getIntervalHistogram();
            load.stop();
            System.out.printf(
                    Locale.ROOT,
                    "remote decisions over one channel (%s, %d in flight, %d s after %d s warm-up): %,.0f decisions/s,"
                            + " errors %d, round trip p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms;"
                            + " CPU per decision: client %.1f µs, server %s%n",
                    mode,
                    inflight,
                    seconds,
                    warmup,
                    done / elapsed,
                    errors,
                    h.getValueAtPercentile(50) / 1e6,
                    h.getValueAtPercentile(90) / 1e6,
                    h.getValueAtPercentile(99) / 1e6,
                    h.getMaxValue() / 1e6,
                    clientCpu,
                    serverPid < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f µs", serverCpu));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Closed-loop load: slot i always has one decision in flight; its answer sends the next. */
    private static final class Load {
        private final BotPolicyServiceGrpc.BotPolicyServiceStub stub;
        private final boolean stream;
        private final int inflight;
        private final DecideRequest template;
        private final long[] sentAt;
        private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong ids = new AtomicLong();
        private volatile boolean running = true;

        @Nullable
        private volatile StreamObserver<DecideRequest> requests;

        Load(ManagedChannel channel, boolean stream, int inflight) {
            this.stub = BotPolicyServiceGrpc.newStub(channel);
            this.stream = stream;
            this.inflight = inflight;
            this.sentAt = new long[inflight];
            DecideRequest.Builder b = DecideRequest.newBuilder()
                    .setProtocolVersion(1)
                    .setGame("tictactoe")
                    .setMode("tictactoe")
                    .setPlayerId("6f1c3c1e-8f0a-4d7e-9a55-0b9e2f3d4c11")
                    .setSeat(1)
                    .setTick(1234)
                    .setDifficulty(Difficulty.DIFFICULTY_HARD)
                    .setDeadlineMs(20)
                    .setObservation(utf8("{\"board\":[\"X\",\"\",\"\",\"\",\"O\",\"\",\"\",\"\",\"X\"],\"mark\":\"O\","
                            + "\"your_turn\":true}"));
            for (int cell : new int[] {1, 2, 3, 5, 6, 7}) {
                b.addLegalActions(utf8("{\"cell\":" + cell + "}"));
            }
            this.template = b.build();
        }

        void start() {
            if (stream) {
                requests = stub.decideStream(new StreamObserver<>() {
                    @Override
                    public void onNext(DecideResponse r) {
                        answered((int) (r.getId() % inflight), r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (running) {
                            System.err.println("stream failed: " + t);
                        }
                    }

                    @Override
                    public void onCompleted() {}
                });
            }
            for (int slot = 0; slot < inflight; slot++) {
                send(slot);
            }
        }

        void stop() {
            running = false;
            StreamObserver<DecideRequest> out = requests;
            if (out != null) {
                synchronized (this) {
                    out.onCompleted();
                }
            }
        }

        private void send(int slot) {
            if (!running) {
                return;
            }
            long id = ids.getAndIncrement() * inflight + slot; // id % inflight is the slot
            DecideRequest request = template.toBuilder().setId(id).build();
            sentAt[slot] = System.nanoTime();
            StreamObserver<DecideRequest> out = requests;
            if (out != null) {
                synchronized (this) {
                    out.onNext(request);
                }
            } else {
                stub.withDeadlineAfter(5, TimeUnit.SECONDS).decide(request, new StreamObserver<>() {
                    @Override
                    public void onNext(DecideResponse r) {
                        answered(slot, r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        errors.incrementAndGet();
                        send(slot);
                    }

                    @Override
                    public void onCompleted() {}
                });
            }
        }

        private void answered(int slot, DecideResponse r) {
            recorder.recordValue(Math.min(System.nanoTime() - sentAt[slot], TimeUnit.SECONDS.toNanos(10)));
            if (!r.getError().isEmpty() || r.getDecisionCase() != DecideResponse.DecisionCase.ACTION_INDEX) {
                errors.incrementAndGet();
            }
            done.incrementAndGet();
            send(slot);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of another process from /proc (Linux; clock ticks of 10 ms). */
    private static long serverCpuNanos(long pid) throws java.io.IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFrom(s, StandardCharsets.UTF_8);
    }
}
