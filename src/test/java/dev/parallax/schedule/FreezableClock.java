package dev.parallax.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;

/**
 * The system clock, until it is frozen: then every thread that asks it the time stops there, as
 * the threads of a killed process stop. Thawed (at the end of a test) they fail instead of going on.
 */
final class FreezableClock extends Clock {
    private final CountDownLatch thawed = new CountDownLatch(1);
    private volatile boolean frozen;

    void freeze() {
        frozen = true;
    }

    void thaw() {
        thawed.countDown();
    }

    @Override
    public Instant instant() {
        if (frozen) {
            try {
                thawed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("this instance is dead");
        }
        return Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
