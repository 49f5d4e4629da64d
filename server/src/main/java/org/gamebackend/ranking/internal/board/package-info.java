/**
 * Leaderboards: an ordered index of ratings per (mode, region, season) answering rank, pages and "around me". One
 * interface, {@link org.gamebackend.ranking.internal.board.Leaderboard}, with an in-process adapter for standalone mode
 * and a Redis sorted-set adapter for connected mode; both order entries identically.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.ranking.internal.board;
