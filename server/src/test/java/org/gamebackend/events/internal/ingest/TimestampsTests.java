package org.gamebackend.events.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path reads exactly what {@code OffsetDateTime.parse} reads, and refuses what it refuses. */
class TimestampsTests {

    @Test
    void readsWhatOffsetDateTimeReads() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 50_000_000_000L), 0)
                    .plusNanos(random.nextInt(4) == 0 ? 0 : random.nextLong(1_000_000_000L));
            String text = at.toString(); // 0, 3, 6 or 9 fraction digits, 'Z'
            if (at.getEpochSecond() > -62_000_000_000L && text.length() <= 30 && text.charAt(4) == '-') {
                assertThat(Timestamps.parse(text))
                        .as(text)
                        .isEqualTo(OffsetDateTime.parse(text).toInstant());
            }
        }
    }

    @Test
    void sameAnswersOnOddShapes() {
        String[] accepted = {
            "2026-12-03T10:15:30Z",
            "2026-12-03T10:15:30.1Z",
            "2026-12-03T10:15:30.12345Z",
            "2026-12-03T10:15:30.123456789Z",
            "2024-02-29T23:59:59Z",
            "2026-12-03t10:15:30z",
            "2026-12-03T10:15:30+02:00",
            "2026-12-03T10:15:30.5-05:30",
            "2026-12-03T10:15Z",
            "2026-12-03T10:15:30.Z",
        };
        for (String text : accepted) {
            assertThat(Timestamps.parse(text))
                    .as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void refusesWhatOffsetDateTimeRefuses() {
        String[] refused = {
            "2026-02-30T10:15:30Z",
            "2025-02-29T10:15:30Z",
            "2026-13-03T10:15:30Z",
            "2026-12-03T24:00:00Z",
            "2026-12-03T10:60:30Z",
            "2026-12-03T10:15:60Z",
            "2026-12-03T10:15:30.1234567890Z",
            "2026-12-03T10:15:3xZ",
            "2026-12-03 10:15:30Z",
            "2026-12-0310:15:30Z",
            "2026-12-03T10:15:30",
            "２026-12-03T10:15:30Z",
            "",
            "yesterday",
        };
        for (String text : refused) {
            assertThatThrownBy(() -> OffsetDateTime.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> Timestamps.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
