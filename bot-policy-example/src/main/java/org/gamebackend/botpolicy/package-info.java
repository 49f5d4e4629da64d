/**
 * An example remote bot policy for game-backend: a tic-tac-toe value table learned by self-play, served over gRPC
 * from {@code bot_policy.proto}. See this module's README.md.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.botpolicy;
