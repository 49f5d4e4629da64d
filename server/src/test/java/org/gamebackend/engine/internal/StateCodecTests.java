package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.gamebackend.engine.RawJson;
import org.junit.jupiter.api.Test;

/**
 * The tick workers' reused writer gives the same bytes as a fresh generator per value, value after value and after a
 * value that failed halfway; pre-encoded JSON goes into a document byte for byte.
 */
class StateCodecTests {

    private final StateCodec codec = new StateCodec();

    record Point(int x, double y, String label) {}

    record Board(long tick, Point[] points, List<String> names, Map<String, Integer> scores) {}

    /** Jackson refuses to write this (a cycle), after it has written the opening of the enclosing object. */
    record Broken(int before, Loop after) {}

    static final class Loop {
        int n = 1;
        Loop self = this;
    }

    @Test
    void theReusedWriterWritesWhatAFreshOneWrites() throws Exception {
        List<Object> values = List.of(
                new Point(1, 2.5, "a \"quoted\" name"),
                new Board(
                        7,
                        new Point[] {new Point(-1, 1e300, "ünïcødé ✓"), new Point(0, Double.NaN, "")},
                        List.of("x", "y"),
                        Map.of("x", 3)),
                "a string",
                42,
                List.of(),
                new Point(3, -0.0, "last"));
        for (Object value : values) {
            assertThat(new String(codec.write(value), StandardCharsets.UTF_8))
                    .isEqualTo(onVirtualThread(value)); // a virtual thread takes the plain writeValueAsBytes path
        }
    }

    @Test
    void aValueThatFailsHalfwayLeavesNothingBehindForTheNext() throws Exception {
        assertThat(codec.write(new Point(1, 1, "warm"))).isNotEmpty();
        assertThatThrownBy(() -> codec.write(new Broken(1, new Loop())))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        Point next = new Point(2, 2, "after");
        assertThat(new String(codec.write(next), StandardCharsets.UTF_8)).isEqualTo(onVirtualThread(next));
    }

    @Test
    void rawJsonIsCopiedIntoTheDocumentAsItIs() {
        byte[] small = "{\"a\":[1,2,\"ü\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(codec.write(Map.of("state", RawJson.value(small))), StandardCharsets.UTF_8))
                .isEqualTo("{\"state\":{\"a\":[1,2,\"ü\"]}}");
        // larger than the generator's buffer: written through its fallback path
        String big = "[" + "1,".repeat(20_000) + "2]";
        assertThat(new String(
                        codec.write(List.of("x", RawJson.value(big.getBytes(StandardCharsets.UTF_8)))),
                        StandardCharsets.UTF_8))
                .isEqualTo("[\"x\"," + big + "]");
    }

    private String onVirtualThread(Object value) throws InterruptedException {
        AtomicReference<String> out = new AtomicReference<>();
        Thread.ofVirtual()
                .start(() -> out.set(new String(codec.write(value), StandardCharsets.UTF_8)))
                .join();
        return out.get();
    }
}
