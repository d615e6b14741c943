package io.github.aigov.governance.rules.internal.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74
 * random bits from {@link ThreadLocalRandom}. {@code UUID.randomUUID()} draws from one shared
 * {@code SecureRandom}, whose lock serialised every assessment of a busy server; an id needs to be
 * unique, not secret, so a per-thread generator does. Time first, so ids sort roughly by when
 * they were made (an index on them stays compact).
 */
final class DecisionIds {
    private DecisionIds() {
    }

    /** A new id for a decision made at this time (Unix milliseconds). */
    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = epochMillis & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
