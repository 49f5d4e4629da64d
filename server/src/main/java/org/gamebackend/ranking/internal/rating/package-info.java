/**
 * Rating maths: Elo, Glicko-2 and OpenSkill (Plackett–Luce) behind one {@link
 * org.gamebackend.ranking.internal.rating.RatingSystem}. Pure functions of their inputs: no Spring, no I/O, no clock.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.ranking.internal.rating;
