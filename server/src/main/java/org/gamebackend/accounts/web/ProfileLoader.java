package org.gamebackend.accounts.web;

import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.Profiles;
import org.gamebackend.platform.graphql.Blocking;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The GraphQL {@code DataLoader<PlayerId, Profile>}: every {@code Player} a query reaches through a match, a board or
 * a ticket is loaded in one {@code = any(?)} query per level of the query, not one query per player. Other modules'
 * controllers take it as a {@code DataLoader<PlayerId, Profile>} argument.
 */
@Component
class ProfileLoader {

    ProfileLoader(BatchLoaderRegistry loaders, Profiles profiles) {
        loaders.forTypePair(PlayerId.class, Profile.class)
                .registerMappedBatchLoader((ids, env) -> Blocking.call(() -> profiles.profiles(ids)));
    }
}
