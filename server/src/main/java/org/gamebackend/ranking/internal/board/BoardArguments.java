package org.gamebackend.ranking.internal.board;

/** The argument checks both adapters share, so they refuse the same calls with the same errors. */
final class BoardArguments {

    private BoardArguments() {}

    /** A rating to store: finite, and 0.0 for -0.0 (the two compare unequal in Java but equal in Redis). */
    static double rating(double rating) {
        if (!Double.isFinite(rating)) {
            throw new IllegalArgumentException("rating must be finite: " + rating);
        }
        return rating + 0.0;
    }

    /** A rating to compare against: may be infinite, never NaN. */
    static double bound(double rating) {
        if (Double.isNaN(rating)) {
            throw new IllegalArgumentException("rating must not be NaN");
        }
        return rating + 0.0;
    }

    static void window(long offset, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (offset > Long.MAX_VALUE - limit) {
            throw new IllegalArgumentException("offset too large: " + offset);
        }
    }
}
