package org.gamebackend.accounts.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings ({@code game.accounts.*}).
 *
 * @param bcryptStrength bcrypt cost factor (2^n rounds); 10 takes ~60-80 ms on one core of the reference machine
 * @param authPerIp token bucket per client IP over register, login, guest and refresh
 * @param loginPerAccount token bucket per account over login attempts
 * @param lockout how many consecutive failed logins lock an account, and for how long
 * @param admin the admin account created at start when a password is given ({@code ADMIN_PASSWORD})
 */
@ConfigurationProperties("game.accounts")
public record AccountsProperties(
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue({"30", "1m"}) Limit authPerIp,
        @DefaultValue({"10", "1m"}) Limit loginPerAccount,
        @DefaultValue Lockout lockout,
        @DefaultValue Admin admin) {

    /** At most {@code requests} in any {@code per} window (refilled gradually). */
    public record Limit(int requests, Duration per) {}

    public record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration duration) {}

    public record Admin(
            @DefaultValue("admin") String username,
            @Nullable String password) {}
}
