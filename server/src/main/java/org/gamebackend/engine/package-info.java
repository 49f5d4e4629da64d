/**
 * The match engine. Its public API is the Game SPI ({@link org.gamebackend.engine.Game} and what its hooks see) and
 * {@link org.gamebackend.engine.Matches} (create, find and control matches). Internals run each match on one tick
 * worker at a time, supervise it, snapshot it and record its inputs for replay.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.engine;
