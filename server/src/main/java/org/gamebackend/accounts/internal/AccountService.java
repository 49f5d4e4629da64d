package org.gamebackend.accounts.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.PlayerRegistered;
import org.gamebackend.platform.ApiException;
import org.gamebackend.platform.GameProperties;
import org.gamebackend.platform.cache.CacheSpec;
import org.gamebackend.platform.cache.Caches;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account use cases. Password hashing happens outside transactions (it is slow); each change to the database is one
 * transaction, so a failed request leaves nothing half-written.
 */
@Service
public class AccountService {

    private final PlayerRepository players;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccountsProperties props;
    private final GameProperties game;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Cache profiles;

    AccountService(
            PlayerRepository players,
            RefreshTokens refreshTokens,
            TokenIssuer tokens,
            PasswordHasher hasher,
            LoginThrottle throttle,
            AccountsProperties props,
            GameProperties game,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock,
            CacheManager caches) {
        this.players = players;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.props = props;
        this.game = game;
        this.tx = tx;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        this.profiles = Objects.requireNonNull(caches.getCache(PROFILES), PROFILES);
    }

    /**
     * The cache of {@link Profile}s by player id (docs/cache.md): written through on every change made here, so other
     * nodes drop their copy at once; the TTL only bounds what a lost invalidation (Redis unreachable) can leave stale.
     */
    static final String PROFILES = "profiles";

    static CacheSpec profilesCache() {
        return new CacheSpec(PROFILES, Profile.class, Duration.ofMinutes(10), 10_000);
    }

    /** An access token, a refresh token and the access token's lifetime in seconds. */
    public record Tokens(UUID playerId, String accessToken, String refreshToken, long expiresIn) {}

    /** What a player sees of their own account. */
    public record Profile(
            UUID id,
            String username,
            String displayName,
            @Nullable String region,
            List<String> roles,
            boolean guest) {}

    public Tokens register(String username, String email, String password, String clientIp) {
        throttle.checkIp(clientIp);
        String name = username.trim();
        String mail = email.trim().toLowerCase(Locale.ROOT);
        if (name.toLowerCase(Locale.ROOT).startsWith("guest-")) {
            throw ApiException.badField("username", "username_reserved", "usernames starting with guest- are reserved");
        }
        checkUnique(name, mail);
        String hash = hasher.hash(password);
        Player player = new Player(
                UUID.randomUUID(), name, mail, hash, name, null, List.of(Player.PLAYER), false, null, 0, null);
        Tokens issued = inTransaction(() -> {
            players.insert(player);
            events.publishEvent(new PlayerRegistered(new PlayerId(player.id()), player.username(), false));
            return issue(player, null);
        });
        meters.counter("accounts.registrations", "kind", "password").increment();
        return issued;
    }

    public Tokens login(String login, String password, String clientIp) {
        throttle.checkIp(clientIp);
        String key = login.trim();
        Player player = players.findByLogin(key).orElse(null);
        throttle.checkAccount(
                player == null
                        ? "unknown:" + key.toLowerCase(Locale.ROOT)
                        : player.id().toString());
        Instant now = clock.instant();
        if (player != null && player.lockedAt(now)) {
            loginResult("locked");
            throw locked(player, now);
        }
        if (player == null || !hasher.matches(password, player.passwordHash())) {
            if (player != null) {
                players.recordLoginFailure(
                        player.id(),
                        props.lockout().maxFailures(),
                        now.plus(props.lockout().duration()));
            }
            loginResult("failure");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong login or password");
        }
        String stored = player.passwordHash();
        if (stored != null && hasher.needsUpgrade(stored)) {
            players.updatePasswordHash(player.id(), hasher.hash(password));
        }
        Tokens issued = inTransaction(() -> {
            players.recordLoginSuccess(player.id());
            return issue(player, null);
        });
        loginResult("success");
        return issued;
    }

    public Tokens guest(String deviceId, String clientIp) {
        throttle.checkIp(clientIp);
        Tokens issued = inTransaction(() -> {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Player candidate = new Player(
                    UUID.randomUUID(),
                    "guest-" + suffix,
                    null,
                    null,
                    "Guest " + suffix,
                    null,
                    List.of(Player.PLAYER),
                    true,
                    deviceId,
                    0,
                    null);
            if (players.insertGuestIfAbsent(candidate)) {
                events.publishEvent(new PlayerRegistered(new PlayerId(candidate.id()), candidate.username(), true));
                meters.counter("accounts.registrations", "kind", "guest").increment();
            }
            Player player = players.findByDevice(deviceId).orElseThrow();
            return issue(player, null);
        });
        loginResult("guest");
        return issued;
    }

    public Tokens refresh(String refreshToken, String clientIp) {
        throttle.checkIp(clientIp);
        RefreshTokens.Use use = inTransaction(() -> refreshTokens.use(refreshToken));
        return switch (use) {
            case RefreshTokens.Use.Valid valid -> {
                Player player = players.findById(valid.playerId()).orElseThrow(() -> invalidRefresh("player gone"));
                Tokens rotated = inTransaction(() -> issue(player, valid.familyId()));
                meters.counter("accounts.token.refreshes", "result", "rotated").increment();
                yield rotated;
            }
            case RefreshTokens.Use.Reused reused -> {
                meters.counter("accounts.token.refreshes", "result", "reuse_detected")
                        .increment();
                throw new ApiException(
                        HttpStatus.UNAUTHORIZED,
                        "refresh_token_reused",
                        "This refresh token was already used; every session of this login has been revoked."
                                + " Log in again.");
            }
            case RefreshTokens.Use.Invalid invalid -> {
                meters.counter("accounts.token.refreshes", "result", "invalid").increment();
                throw invalidRefresh(invalid.reason());
            }
        };
    }

    /** Revokes the login (token family) of a refresh token; unknown tokens are ignored, so logout is idempotent. */
    public void logout(PlayerId player, String refreshToken) {
        inTransaction(() -> refreshTokens.revokeFamilyOf(refreshToken, player.value()));
    }

    public Profile profile(PlayerId id) {
        Profile cached = profiles.get(id.value(), () -> load(id));
        return Objects.requireNonNull(cached);
    }

    /** The profiles of those of {@code ids} that exist, from the cache where it has them; for {@link Profiles}. */
    Map<UUID, Profile> profiles(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        Map<UUID, Profile> found = new LinkedHashMap<>();
        Caches.getAll(profiles, wanted, Profile.class).forEach((id, p) -> found.put((UUID) id, p));
        List<UUID> missing =
                wanted.stream().filter(id -> !found.containsKey(id)).toList();
        for (Player p : players.findAllById(missing)) {
            Profile loaded = profileOf(p);
            profiles.putIfAbsent(p.id(), loaded);
            found.put(p.id(), loaded);
        }
        return found;
    }

    private Profile load(PlayerId id) {
        return players.findById(id.value()).map(AccountService::profileOf).orElseThrow(AccountService::noSuchPlayer);
    }

    public List<Profile> players(int limit, int offset) {
        return players.page(limit, offset).stream()
                .map(AccountService::profileOf)
                .toList();
    }

    /**
     * Changes the display name and region; for a guest, {@code email} + {@code password} (and optionally a username)
     * upgrade it to a full account.
     */
    public Profile update(PlayerId id, ProfileChange change) {
        Player current = players.findById(id.value()).orElseThrow(AccountService::noSuchPlayer);
        String displayName = change.displayName() == null
                ? current.displayName()
                : change.displayName().trim();
        String region =
                change.region() == null ? current.region() : change.region().toLowerCase(Locale.ROOT);
        if (region != null && !game.regions().contains(region)) {
            throw ApiException.badField("region", "unknown_region", "region must be one of " + game.regions());
        }
        Upgrade upgrade = upgradeOf(current, change);
        inTransaction(() -> {
            players.updateProfile(current.id(), displayName, region);
            if (upgrade != null) {
                players.upgradeGuest(current.id(), upgrade.username(), upgrade.email(), upgrade.passwordHash());
            }
            return Boolean.TRUE;
        });
        Profile changed = load(id);
        profiles.put(id.value(), changed);
        return changed;
    }

    private @Nullable Upgrade upgradeOf(Player current, ProfileChange change) {
        boolean wantsUpgrade = change.email() != null || change.password() != null || change.username() != null;
        if (!wantsUpgrade) {
            return null;
        }
        if (!current.guest()) {
            throw ApiException.badField(
                    change.email() != null ? "email" : change.password() != null ? "password" : "username",
                    "not_a_guest",
                    "only a guest account can set its username, email and password this way");
        }
        if (change.email() == null || change.password() == null) {
            throw ApiException.badField(
                    change.email() == null ? "email" : "password",
                    "upgrade_incomplete",
                    "upgrading a guest needs both email and password");
        }
        String username = change.username() == null
                ? current.username()
                : change.username().trim();
        String email = change.email().trim().toLowerCase(Locale.ROOT);
        if (change.username() != null) {
            if (username.toLowerCase(Locale.ROOT).startsWith("guest-")) {
                throw ApiException.badField(
                        "username", "username_reserved", "usernames starting with guest- are reserved");
            }
            if (players.usernameTaken(username)) {
                throw ApiException.conflict("username", "username_taken", "this username is taken");
            }
        }
        if (players.emailTaken(email)) {
            throw ApiException.conflict("email", "email_taken", "an account with this email exists");
        }
        return new Upgrade(username, email, hasher.hash(change.password()));
    }

    /** The fields of PATCH /me; null means "leave as is". */
    public record ProfileChange(
            @Nullable String displayName,
            @Nullable String region,
            @Nullable String username,
            @Nullable String email,
            @Nullable String password) {}

    private record Upgrade(String username, String email, String passwordHash) {}

    private void checkUnique(String username, String email) {
        if (players.usernameTaken(username)) {
            throw ApiException.conflict("username", "username_taken", "this username is taken");
        }
        if (players.emailTaken(email)) {
            throw ApiException.conflict("email", "email_taken", "an account with this email exists");
        }
    }

    private Tokens issue(Player player, @Nullable UUID family) {
        String refresh = refreshTokens.issue(player.id(), family);
        return new Tokens(player.id(), tokens.accessToken(player), refresh, tokens.accessTokenTtlSeconds());
    }

    /** Runs one transaction; a unique-key race becomes the same 409 the pre-check gives. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            T result = tx.execute(status -> work.get());
            if (result == null) {
                throw new IllegalStateException("transaction returned nothing");
            }
            return result;
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("players_email_key")) {
                throw ApiException.conflict("email", "email_taken", "an account with this email exists");
            }
            throw ApiException.conflict("username", "username_taken", "this username is taken");
        }
    }

    private void loginResult(String result) {
        meters.counter("accounts.logins", "result", result).increment();
    }

    private static ApiException locked(Player player, Instant now) {
        Instant until = player.lockedUntil() == null ? now : player.lockedUntil();
        return ApiException.tooManyRequests(
                "account_locked",
                "Too many failed logins: this account is locked until " + until,
                Duration.between(now, until));
    }

    private static ApiException invalidRefresh(String reason) {
        return new ApiException(
                HttpStatus.UNAUTHORIZED, "invalid_refresh_token", "The refresh token is invalid: " + reason);
    }

    private static ApiException noSuchPlayer() {
        return new ApiException(HttpStatus.NOT_FOUND, "player_not_found", "No such player");
    }

    private static Profile profileOf(Player p) {
        return new Profile(p.id(), p.username(), p.displayName(), p.region(), p.roles(), p.guest());
    }
}
