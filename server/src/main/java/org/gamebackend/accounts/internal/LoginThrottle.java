package org.gamebackend.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.gamebackend.platform.ApiException;

/**
 * Token buckets (Bucket4j) per client IP and per account, kept in memory for ten minutes after their last use. In a
 * cluster each node limits on its own; see docs/accounts.md.
 */
final class LoginThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();
    private final AccountsProperties.Limit perIp;
    private final AccountsProperties.Limit perAccount;

    LoginThrottle(AccountsProperties props) {
        this.perIp = props.authPerIp();
        this.perAccount = props.loginPerAccount();
    }

    void checkIp(String ip) {
        take("ip:" + ip, perIp, "Too many sign-in requests from your address");
    }

    void checkAccount(String accountKey) {
        take("account:" + accountKey, perAccount, "Too many login attempts for this account");
    }

    private void take(String key, AccountsProperties.Limit limit, String detail) {
        Bucket bucket = buckets.get(key, k -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw ApiException.tooManyRequests(
                    "rate_limited", detail + "; retry in " + Math.max(1, wait.toSeconds()) + " s", wait);
        }
    }

    private static Bucket newBucket(AccountsProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.per())
                        .build())
                .build();
    }
}
