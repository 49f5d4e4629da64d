package org.gamebackend.engine.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.util.RawValue;

/**
 * The payload of a {@code state} push, {@code {"tick": n, "state": {…}}}, with the state already encoded. It writes
 * itself (once per patch, for every match) rather than going through a map and its key serializers.
 */
record StatePush(long tick, RawValue state) implements JacksonSerializable {

    private static final SerializableString TICK = new SerializedString("tick");
    private static final SerializableString STATE = new SerializedString("state");

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        g.writeStartObject();
        g.writeName(TICK);
        g.writeNumber(tick);
        g.writeName(STATE);
        state.serialize(g, ctxt);
        g.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt); // never polymorphic
    }
}
