package org.gamebackend.accounts.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.Profiles;
import org.springframework.stereotype.Component;

/** {@link Profiles} from the profiles cache, the misses in one {@code = any(?)} query. */
@Component
class ProfileDirectory implements Profiles {

    private final AccountService accounts;

    ProfileDirectory(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<PlayerId, Profile> profiles(Collection<PlayerId> players) {
        Map<PlayerId, Profile> found = new LinkedHashMap<>();
        accounts.profiles(players.stream().map(PlayerId::value).toList())
                .forEach((id, p) -> found.put(
                        new PlayerId(id), new Profile(new PlayerId(id), p.displayName(), p.region(), p.guest())));
        return found;
    }
}
