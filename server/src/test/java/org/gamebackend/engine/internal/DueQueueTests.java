package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tick workers' heap gives items back earliest first, like a PriorityQueue, through adds and polls mixed. */
class DueQueueTests {

    record Due(long at, int id) {}

    @Test
    void pollsInTheOrderOfTheirTimesWithAddsInBetween() {
        SplittableRandom random = new SplittableRandom(5);
        DueQueue<Due> queue = new DueQueue<>();
        PriorityQueue<Due> reference = new PriorityQueue<>(Comparator.comparingLong(Due::at));
        List<Long> polled = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (random.nextInt(3) > 0 || reference.isEmpty()) { // grows past its first capacity, then churns
                Due d = new Due(random.nextLong(-1_000, 1_000_000), i);
                queue.add(d, d.at());
                reference.add(d);
            } else {
                assertThat(queue.firstDue()).isEqualTo(reference.peek().at());
                polled.add(queue.poll().at());
                expected.add(reference.poll().at());
            }
            assertThat(queue.size()).isEqualTo(reference.size());
        }
        while (!reference.isEmpty()) {
            polled.add(queue.poll().at());
            expected.add(reference.poll().at());
        }
        assertThat(polled).isEqualTo(expected);
        assertThat(queue.poll()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void drainHandsOverEveryItemAndEmptiesTheQueue() {
        DueQueue<Due> queue = new DueQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.add(new Due(100 - i, i), 100 - i);
        }
        assertThat(queue.drain())
                .extracting(Due::id)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(queue.isEmpty()).isTrue();
        queue.add(new Due(7, 1), 7);
        assertThat(queue.poll()).isEqualTo(new Due(7, 1));
    }
}
