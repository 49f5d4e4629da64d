package org.gamebackend.engine.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gamebackend.platform.ReusedJsonWriter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * JSON for game state (snapshots, patches, hashes) and inputs. State is read and written through its fields, whatever
 * their visibility, in snake_case. Inputs are parsed strictly: unknown fields, nulls for primitives, floats for
 * integers and strings for numbers are refused, so a game only ever sees well-typed inputs.
 */
final class StateCodec {

    private final JsonMapper state;
    private final JsonMapper input;
    /** Patches and snapshots are written on the tick workers, many thousands a second. */
    private final ReusedJsonWriter writer;

    StateCodec() {
        this.state = JsonMapper.builder()
                .addModule(new BlackbirdModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.input = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
        this.writer = new ReusedJsonWriter(state);
    }

    byte[] write(Object value) {
        return writer.write(value);
    }

    <T> T read(byte[] json, Class<T> type) {
        return state.readValue(json, type);
    }

    /** Reads {@code json[0 .. length)}. */
    <T> T read(byte[] json, int length, Class<T> type) {
        return state.readValue(json, 0, length, type);
    }

    /** Parses an input strictly; throws {@link tools.jackson.core.JacksonException} with a readable message. */
    <I> I input(byte[] json, Class<I> type) {
        return input.readValue(json, type);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
