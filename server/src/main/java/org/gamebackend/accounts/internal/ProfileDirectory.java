package org.gamebackend.accounts.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link Profiles} straight from {@code players}: one {@code = any(?)} query per call. */
@Component
class ProfileDirectory implements Profiles {

    private final JdbcClient jdbc;

    ProfileDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<PlayerId, Profile> profiles(Collection<PlayerId> players) {
        Map<PlayerId, Profile> found = new LinkedHashMap<>();
        if (players.isEmpty()) {
            return found;
        }
        UUID[] ids = players.stream().map(PlayerId::value).distinct().toArray(UUID[]::new);
        jdbc.sql("select id, display_name, region, guest from players where id = any(?)")
                .param(ids)
                .query((rs, i) -> new Profile(
                        new PlayerId(rs.getObject("id", UUID.class)),
                        rs.getString("display_name"),
                        rs.getString("region"),
                        rs.getBoolean("guest")))
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }
}
