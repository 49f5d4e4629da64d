/**
 * Ranking: ratings per player and ranked mode (Elo, Glicko-2, OpenSkill), applied exactly once per finished match by
 * a background job; seasons; leaderboards; player stats and match history. It listens to the engine's {@link
 * org.gamebackend.engine.MatchFinished} and provides matchmaking's {@link org.gamebackend.matchmaking.Ratings}. Its
 * public API is the {@link org.gamebackend.ranking.RatingChanged} event.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.ranking;
