package dev.parallax.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pacer on a hand-moved ticker: a sleep moves the ticker on by exactly what was asked. */
class HostPacerTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();
    private final HostPacer pacer = new HostPacer(Duration.ofMillis(500), now::get, nanos -> {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    });

    private long startAfterWaiting(String host) throws InterruptedException {
        pacer.awaitFree(host);
        assertThat(pacer.tryStart(host)).isTrue();
        return now.get();
    }

    @Test
    @DisplayName("starts to one host are 500 ms apart: the first goes at once, the next waits out the rest")
    void spacesOneHost() throws InterruptedException {
        long first = startAfterWaiting("news.example");
        now.addAndGet(Duration.ofMillis(120).toNanos());
        long second = startAfterWaiting("NEWS.example");
        long third = startAfterWaiting("news.example");

        assertThat(second - first).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(third - second).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(sleeps).containsExactly(Duration.ofMillis(380).toNanos(), Duration.ofMillis(500).toNanos());
    }

    @Test
    @DisplayName("another host never waits for the first one's interval")
    void otherHostsGoAtOnce() throws InterruptedException {
        long first = startAfterWaiting("news.example");
        long other = startAfterWaiting("blog.example");

        assertThat(other).isEqualTo(first);
        assertThat(sleeps).isEmpty();
    }

    @Test
    @DisplayName("a start claimed by another request while this one waited makes tryStart say no")
    void claimIsAtomic() {
        assertThat(pacer.tryStart("news.example")).isTrue();
        assertThat(pacer.tryStart("news.example")).isFalse();
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(pacer.tryStart("news.example")).isTrue();
    }

    @Test
    @DisplayName("an interval of zero never sleeps")
    void zeroIsOff() throws InterruptedException {
        HostPacer off = new HostPacer(Duration.ZERO, now::get, nanos -> sleeps.add(nanos));
        for (int i = 0; i < 3; i++) {
            off.awaitFree("news.example");
            assertThat(off.tryStart("news.example")).isTrue();
        }
        assertThat(off.disabled()).isTrue();
        assertThat(sleeps).isEmpty();
    }
}
