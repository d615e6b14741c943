package io.github.aigov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.Classification;
import io.github.aigov.governance.Decision;
import io.github.aigov.governance.GovernanceEngine;
import io.github.aigov.governance.rules.AnswerSpace.Answers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One engine shared by many threads gives every thread the decision a single thread gets. */
class ConcurrencyTest {
    private static final int THREADS = 8;

    @Test
    void eightThreadsAssessingDifferentProfilesGetTheSingleThreadedDecisions() throws Exception {
        GovernanceEngine engine = SharedEngine.v1();
        List<Answers> all = AnswerSpace.all();
        // Every sixth combination: 240 profiles reaching every classification, form and training answer.
        List<Answers> sample = IntStream.range(0, all.size()).filter(i -> i % 6 == 0).mapToObj(all::get).toList();
        List<Decision> expected = sample.stream().map(a -> SharedEngine.withoutIdAndTime(engine.assess(a.profile())))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * sample.size() / THREADS;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    // Each thread walks the whole sample from its own offset, so different profiles are in flight
                    // on different threads at any moment.
                    for (int i = 0; i < sample.size(); i++) {
                        int k = (offset + i) % sample.size();
                        Decision d = SharedEngine.withoutIdAndTime(engine.assess(sample.get(k).profile()));
                        if (!d.equals(expected.get(k))) {
                            mismatches.add(sample.get(k) + ": " + d.classification() + " vs " + expected.get(k).classification());
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                mismatches.addAll(f.get(120, TimeUnit.SECONDS));
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).extracting(Decision::classification)
                .contains(Classification.LOW, Classification.MEDIUM, Classification.HIGH);
    }
}
