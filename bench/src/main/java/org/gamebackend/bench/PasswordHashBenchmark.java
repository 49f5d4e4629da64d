package org.gamebackend.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** What one password check costs at each bcrypt strength: the floor under login latency and the cap on its rate. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordHashBenchmark {

    @Param({"8", "10", "12"})
    int strength;

    BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    String hash = "";

    @Setup
    public void setUp() {
        encoder = new BCryptPasswordEncoder(strength);
        hash = String.valueOf(encoder.encode("correct horse battery staple"));
    }

    @Benchmark
    public boolean check() {
        return encoder.matches("correct horse battery staple", hash);
    }
}
