package org.gamebackend.games.arena;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gamebackend.engine.RawJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * What clients see each patch: whole-number positions (see {@link Field}), the aim to hundredths of a radian, and only
 * the shots in flight. The internals of {@link ArenaState} (intent, cooldowns) stay server-side.
 *
 * <p>A view is written once per patch, 20 times a second for every match, which made it the largest cost of a tick.
 * So it writes its JSON itself, as ASCII bytes handed to the generator in one piece ({@link JacksonSerializable},
 * {@link RawJson}), instead of field by field through reflection and the generator: the same text the records would
 * give (names in snake_case, numbers as {@code
 * Double.toString} and {@code Long.toString} write them), in a fraction of the time (docs/benchmarks.md, "Patch
 * encoding"). {@code ArenaTests} checks that the two agree.
 *
 * @param tick the tick this frame shows
 * @param endTick the tick at which the match ends (20 ticks a second)
 */
@SuppressWarnings("ArrayRecordComponent") // serialized once per patch, never compared
record ArenaView(long tick, long endTick, PlayerView[] players, ShotView[] shots) implements JacksonSerializable {

    /** One text buffer per thread (tick workers are few and long-lived), so writing a view allocates nothing. */
    private static final ThreadLocal<Text> TEXT = ThreadLocal.withInitial(Text::new);

    /**
     * @param alive on the field now (joined, not left, not waiting to respawn)
     * @param lastSeq the last input of this player applied, for measuring input-to-effect latency
     */
    record PlayerView(String id, int x, int y, double aim, int health, int score, long lastSeq, boolean alive) {}

    /** @param vx velocity in units per second, for drawing between patches */
    record ShotView(int x, int y, int vx, int vy) {}

    static ArenaView of(ArenaState state) {
        PlayerView[] players = new PlayerView[state.players.length];
        for (int i = 0; i < players.length; i++) {
            ArenaState.Player p = state.players[i];
            players[i] = new PlayerView(
                    p.id,
                    whole(p.x),
                    whole(p.y),
                    Math.round(p.aim * 100) / 100.0,
                    p.health,
                    p.score,
                    p.lastSeq,
                    p.inPlay());
        }
        ShotView[] shots = new ShotView[state.shotCount];
        int perSecond = Arena.SPEC.tickRate();
        for (int i = 0; i < shots.length; i++) {
            ArenaState.Shot s = state.shots[i];
            shots[i] = new ShotView(whole(s.x), whole(s.y), whole(s.vx * perSecond), whole(s.vy * perSecond));
        }
        return new ArenaView(state.tick, state.endTick, players, shots);
    }

    private static int whole(double v) {
        return (int) Math.round(v);
    }

    private static final byte[] TICK = ascii("{\"tick\":");
    private static final byte[] END_TICK = ascii(",\"end_tick\":");
    private static final byte[] PLAYERS = ascii(",\"players\":[");
    private static final byte[] FIRST_PLAYER = ascii("{\"id\":");
    private static final byte[] NEXT_PLAYER = ascii(",{\"id\":");
    private static final byte[] X = ascii(",\"x\":");
    private static final byte[] Y = ascii(",\"y\":");
    private static final byte[] AIM = ascii(",\"aim\":");
    private static final byte[] HEALTH = ascii(",\"health\":");
    private static final byte[] SCORE = ascii(",\"score\":");
    private static final byte[] LAST_SEQ = ascii(",\"last_seq\":");
    private static final byte[] ALIVE = ascii(",\"alive\":true}");
    private static final byte[] NOT_ALIVE = ascii(",\"alive\":false}");
    private static final byte[] SHOTS = ascii("],\"shots\":[");
    private static final byte[] FIRST_SHOT = ascii("{\"x\":");
    private static final byte[] NEXT_SHOT = ascii(",{\"x\":");
    private static final byte[] VX = ascii(",\"vx\":");
    private static final byte[] VY = ascii(",\"vy\":");
    private static final byte[] END_SHOT = ascii("}");
    private static final byte[] END = ascii("]}");

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
        Text t = TEXT.get().clear();
        t.raw(TICK).number(tick).raw(END_TICK).number(endTick).raw(PLAYERS);
        for (int i = 0; i < players.length; i++) {
            PlayerView p = players[i];
            t.raw(i == 0 ? FIRST_PLAYER : NEXT_PLAYER).string(p.id());
            t.raw(X).number(p.x()).raw(Y).number(p.y()).raw(AIM).decimal(p.aim());
            t.raw(HEALTH)
                    .number(p.health())
                    .raw(SCORE)
                    .number(p.score())
                    .raw(LAST_SEQ)
                    .number(p.lastSeq());
            t.raw(p.alive() ? ALIVE : NOT_ALIVE);
        }
        t.raw(SHOTS);
        for (int i = 0; i < shots.length; i++) {
            ShotView s = shots[i];
            t.raw(i == 0 ? FIRST_SHOT : NEXT_SHOT).number(s.x()).raw(Y).number(s.y());
            t.raw(VX).number(s.vx()).raw(VY).number(s.vy()).raw(END_SHOT);
        }
        t.raw(END);
        g.writeRawValue(RawJson.of(t.bytes, t.length));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
        serialize(g, ctxt); // never polymorphic
    }

    /**
     * A growable run of JSON text as UTF-8, written left to right. What this class writes itself is ASCII (names,
     * digits, punctuation); a string that is not goes through Jackson's encoder.
     */
    static final class Text {

        private byte[] bytes = new byte[1024];
        private int length;

        Text clear() {
            if (bytes.length > 64 * 1024) {
                bytes = new byte[1024]; // one huge view does not pin a huge buffer to the thread
            }
            length = 0;
            return this;
        }

        /** Text already encoded (names and punctuation: constants of this class). */
        Text raw(byte[] utf8) {
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        /** ASCII text as it is. */
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the fast copy for ASCII text
        private Text ascii(String text) {
            ensure(text.length());
            text.getBytes(0, text.length(), bytes, length);
            length += text.length();
            return this;
        }

        /** A JSON string; player ids are UUIDs, anything else is escaped and encoded as Jackson does it. */
        Text string(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                    return ascii("\"")
                            .raw(JsonStringEncoder.getInstance().quoteAsUTF8(s))
                            .ascii("\"");
                }
            }
            return ascii("\"").ascii(s).ascii("\"");
        }

        /** As {@code Long.toString}. */
        Text number(long v) {
            ensure(20);
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            long rest = v;
            if (rest < 0) {
                bytes[length++] = '-';
                rest = -rest;
            }
            int digits = 1;
            for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
                digits++;
            }
            length += digits;
            for (int i = length - 1; i >= length - digits; i--) {
                bytes[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            return this;
        }

        /**
         * As {@code Double.toString}, fast for a value in hundredths below 10^7 (an aim): its decimal is known, so it
         * skips finding the shortest one (a third of the time of writing a whole view). Anything else takes {@code
         * Double.toString}.
         */
        Text decimal(double v) {
            long hundredths = Math.round(v * 100);
            if (Math.abs(hundredths) >= 1_000_000_000L || Double.compare(hundredths / 100.0, v) != 0) {
                return ascii(Double.toString(v));
            }
            if (hundredths < 0) {
                ensure(1);
                bytes[length++] = '-';
                hundredths = -hundredths;
            }
            number(hundredths / 100);
            int fraction = (int) (hundredths % 100);
            ensure(3);
            bytes[length++] = '.';
            bytes[length++] = (byte) ('0' + fraction / 10);
            if (fraction % 10 != 0) {
                bytes[length++] = (byte) ('0' + fraction % 10);
            }
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }
}
