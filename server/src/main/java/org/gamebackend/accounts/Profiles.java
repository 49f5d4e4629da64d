package org.gamebackend.accounts;

import java.util.Collection;
import java.util.Map;

/** Read-only lookups of players' public profiles, for modules that show names (leaderboards) or group by region. */
public interface Profiles {

    /** The profiles of those of {@code players} that exist, in one query; unknown ids are left out. */
    Map<PlayerId, Profile> profiles(Collection<PlayerId> players);
}
