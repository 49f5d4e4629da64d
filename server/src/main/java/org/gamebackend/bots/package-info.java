/**
 * Bots: who plays a seat no player holds. A game's bot is a {@link org.gamebackend.bots.BotPolicy} — rules in plain
 * Java that run inline on the match's tick worker, like the game itself — and a mode may send decisions to a model
 * served behind gRPC instead, with the rule-based policy standing in whenever the model is late or down. The engine
 * asks this module for bots through {@link org.gamebackend.engine.BotPlayers}.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.bots;
