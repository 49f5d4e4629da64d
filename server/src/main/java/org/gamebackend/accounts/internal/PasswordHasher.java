package org.gamebackend.accounts.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords with bcrypt (stored as {@code {bcrypt}$2a$NN$...}, so the cost or the algorithm can
 * change later; old hashes are upgraded at the next login). The work runs on a pool of one platform thread per core:
 * a burst of logins then queues there instead of occupying every carrier of the virtual-thread scheduler.
 */
final class PasswordHasher implements AutoCloseable {

    private final PasswordEncoder encoder;
    private final ExecutorService pool;
    private final String dummyHash;

    PasswordHasher(int bcryptStrength) {
        this.encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength)));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("password-hash-", 0).daemon().factory());
        this.dummyHash = Objects.requireNonNull(encoder.encode("not-a-real-password-but-costs-the-same"));
    }

    String hash(String password) {
        return run(() -> Objects.requireNonNull(encoder.encode(password)));
    }

    /** Checks a password; with no stored hash it still spends the same time, so unknown logins are not revealed. */
    boolean matches(String password, @Nullable String storedHash) {
        String hash = storedHash == null ? dummyHash : storedHash;
        boolean ok = run(() -> encoder.matches(password, hash));
        return ok && storedHash != null;
    }

    boolean needsUpgrade(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }

    private <T> T run(Callable<T> work) {
        Future<T> result = pool.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new IllegalStateException("interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
