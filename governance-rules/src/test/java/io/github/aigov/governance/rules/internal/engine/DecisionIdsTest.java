package io.github.aigov.governance.rules.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_that_carries_its_time() {
        long millis = Instant.parse("2026-12-01T09:30:00.123Z").toEpochMilli();
        UUID id = UUID.fromString(DecisionIds.next(millis));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void ids_made_in_the_same_millisecond_on_many_threads_are_all_different() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(DecisionIds.next(1_700_000_000_000L)));
        assertThat(ids).hasSize(200_000);
    }

    @Test
    void a_later_millisecond_sorts_after_an_earlier_one() {
        List<String> earlier = new ArrayList<>();
        Set<String> later = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            earlier.add(DecisionIds.next(1_700_000_000_000L));
            later.add(DecisionIds.next(1_700_000_000_001L));
        }
        String latestOfEarlier = earlier.stream().max(String::compareTo).orElseThrow();
        String earliestOfLater = later.stream().min(String::compareTo).orElseThrow();
        assertThat(earliestOfLater).isGreaterThan(latestOfEarlier);
    }
}
