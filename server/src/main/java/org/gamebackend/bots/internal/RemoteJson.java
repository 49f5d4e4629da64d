package org.gamebackend.bots.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the remote policy contract, set up like the engine's: observations are written through fields in
 * snake_case (as clients see state); actions are read as strictly as a player's input (unknown fields, wrong types,
 * trailing tokens refused), except that fields may be left out (they take 0, false or null): a policy completes
 * what a model does not know ({@code BotPolicy.fromRemote}, e.g. arena's {@code seq}), and the game validates the
 * rest like any input.
 */
final class RemoteJson {

    /** bot_policy.proto's {@code protocol_version}. */
    static final int PROTOCOL_VERSION = 1;

    private final JsonMapper observations = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .build();

    private final JsonMapper actions = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // left out: 0 / false
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    byte[] observation(Object view) {
        return observations.writeValueAsBytes(view);
    }

    byte[] action(Object input) {
        return actions.writeValueAsBytes(input);
    }

    /** Throws {@link tools.jackson.core.JacksonException} for JSON that is not an input of the type. */
    <I> I parseAction(byte[] json, Class<I> type) {
        return actions.readValue(json, type);
    }
}
