package org.gamebackend.platform.graphql;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Relay cursor connections built from the REST API's cursor pages: each item is an edge with its own cursor. */
public final class Connections {

    private Connections() {}

    /** An item and the cursor to resume after it. */
    public record Edge<T>(String cursor, T node) {}

    /** {@code hasNextPage} and the cursor to ask the next page with. */
    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

    /** The edges of {@code items} and the page's info; {@code next} is the REST page's next cursor (null: last page). */
    public static <T> List<Edge<T>> edges(List<T> items, Function<T, String> cursor) {
        return items.stream().map(i -> new Edge<>(cursor.apply(i), i)).toList();
    }

    public static <T> PageInfo pageInfo(List<Edge<T>> edges, @Nullable String next) {
        return new PageInfo(
                next != null, edges.isEmpty() ? null : edges.getLast().cursor());
    }
}
