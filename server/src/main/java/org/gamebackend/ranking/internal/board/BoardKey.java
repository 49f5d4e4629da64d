package org.gamebackend.ranking.internal.board;

/** One board: a mode, a region ("global" for all regions) and a season number. */
public record BoardKey(String mode, String region, int season) {

    public BoardKey {
        // ':' separates the parts of the Redis key; allowing it would let two boards share one key
        if (mode.isBlank() || mode.indexOf(':') >= 0 || region.isBlank() || region.indexOf(':') >= 0) {
            throw new IllegalArgumentException(
                    "mode and region must be non-blank and free of ':': " + mode + ", " + region);
        }
    }

    public String redisKey() {
        return "lb:" + mode + ":" + region + ":" + season;
    }
}
