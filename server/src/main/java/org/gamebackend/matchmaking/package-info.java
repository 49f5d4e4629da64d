/**
 * Matchmaking: tickets by mode, region and skill, parties, pairing in pools per (mode, region), team balance, bot fill
 * and placement of the groups it makes as matches through the engine. Its public API is the ids, the {@link
 * org.gamebackend.matchmaking.Ratings} it reads skill from (the ranking module provides the real one), and the {@link
 * org.gamebackend.matchmaking.MatchMade} event.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.matchmaking;
