package org.gamebackend.ranking.internal.board;

import org.gamebackend.accounts.PlayerId;

/** rank is 1-based. */
public record BoardEntry(long rank, PlayerId player, double rating) {}
