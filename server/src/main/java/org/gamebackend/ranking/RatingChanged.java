package org.gamebackend.ranking;

import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;

/** Published in the transaction that applies a match's ratings, once per rated player. */
public record RatingChanged(
        PlayerId player, String mode, MatchId match, int season, double before, double after, double deviation) {}
