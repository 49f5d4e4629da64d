package org.gamebackend.platform;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Positional JDBC parameters where some may be SQL NULL ({@code JdbcClient.params(Object...)} takes no nulls). */
public final class SqlParams {

    private SqlParams() {}

    public static List<@Nullable Object> of(@Nullable Object... values) {
        return Arrays.asList(values);
    }
}
