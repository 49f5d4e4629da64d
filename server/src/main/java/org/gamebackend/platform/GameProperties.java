package org.gamebackend.platform;

import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every module.
 *
 * @param mode how the server runs (set from the environment, see {@link GameEnvironmentPostProcessor})
 * @param dataDir where standalone mode keeps its database and generated secrets
 * @param regions the regions a player may choose and matchmaking may use
 * @param publicUrl the base URL printed at start-up for people and clients (defaults to http://localhost:PORT)
 */
@Validated
@ConfigurationProperties("game")
public record GameProperties(
        @DefaultValue("standalone") GameMode mode,
        @DefaultValue("./data") Path dataDir,

        @DefaultValue({"eu", "na", "sa", "asia", "oce"}) @NotEmpty
        List<String> regions,

        @DefaultValue("") String publicUrl) {

    public boolean standalone() {
        return mode == GameMode.STANDALONE;
    }
}
