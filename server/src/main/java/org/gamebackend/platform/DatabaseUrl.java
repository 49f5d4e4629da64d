package org.gamebackend.platform;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A database named by {@code DATABASE_URL}, in any of the forms deployments use: {@code postgres://},
 * {@code postgresql://}, the original design's {@code ecto://user:pass@host/db}, or a {@code jdbc:postgresql:} URL.
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    private static final Set<String> SCHEMES = Set.of("postgres", "postgresql", "ecto");

    public static DatabaseUrl parse(String url) {
        if (url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String value = url.trim();
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, null, null);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Unsupported DATABASE_URL scheme '" + scheme
                    + "': use postgres://, postgresql://, ecto:// or jdbc:postgresql:");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no host");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl(
                "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query, username, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + ", password=" + (password == null ? "none" : "****")
                + "]";
    }
}
