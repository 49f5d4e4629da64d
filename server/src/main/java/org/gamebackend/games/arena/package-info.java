/** Arena: a real-time top-down shooter for 2-8 players, kept cheap enough for thousands of matches per core. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.games.arena;
