package org.gamebackend.matchmaking.internal;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One pairing pass over a full pool: {@code tickets} waiting tickets in one (mode, region), ratings ~ N(1500, 300),
 * queued at random times over the last 60 s; window 100 +10/s, max 400; no bots. {@code 1v1}: singles only;
 * {@code 2v2-parties}: 2 teams of 2, a fifth of the tickets parties of two. A pass consumes the tickets it matches, so
 * every invocation pairs a freshly filled pool (the fill is setup, not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 30)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseCompactObjectHeaders"})
public class PairingBenchmark {

    private static final long NOW = 1_800_000_000_000L;
    private static final Pattern SHAPE = Pattern.compile("(\\d+)([vx])(\\d+)(-parties)?");

    @Param({"1v1", "2v2-parties"})
    String shape = "1v1";

    @Param({"10000", "100000"})
    int tickets;

    Mode mode = mode(2, 1);
    List<Ticket> waiting = List.of();
    Pool pool = new Pool(mode, "eu");

    @Setup(Level.Trial)
    public void makeTickets() {
        Matcher m = SHAPE.matcher(shape);
        if (!m.matches()) {
            throw new IllegalArgumentException("shape must look like 1v1, 2v2-parties or 4x4: " + shape);
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        mode = m.group(2).equals("v") ? mode(2, a) : mode(a, b);
        double partyShare = m.group(4) == null ? 0 : 0.2;
        waiting = new Population(partyShare).waiting(new Random(42), tickets, mode.name(), NOW, 60_000);
    }

    @Setup(Level.Invocation)
    public void fillPool() {
        pool = new Pool(mode, "eu");
        for (Ticket t : waiting) {
            t.state = Ticket.State.SEARCHING;
            pool.add(t);
        }
    }

    @Benchmark
    public List<Proposal> pass() {
        return pool.pass(NOW);
    }

    private static Mode mode(int teams, int teamSize) {
        return new Mode(
                "bench",
                "bench",
                teams,
                teamSize,
                true,
                java.util.Set.of("eu"),
                100,
                10,
                400,
                0,
                120,
                false,
                0,
                1,
                300_000);
    }
}
