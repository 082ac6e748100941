package dev.parallax.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {
    @Test
    @DisplayName("a request waiting out one host's interval holds no global slot: another host gets the only one")
    void noHeadOfLineBlocking() throws Exception {
        ConcurrencyLimits limits = new ConcurrencyLimits(1, 2, HostPacer.monotonic(Duration.ofSeconds(3)));
        limits.acquire("news.example").close();
        CompletableFuture<Void> secondToNews = CompletableFuture.runAsync(() -> {
            try {
                limits.acquire("news.example").close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200); // lets the second news request start waiting; a late start would only weaken the test

        long start = System.nanoTime();
        ConcurrencyLimits.Permit other = limits.acquire("blog.example");
        long waited = System.nanoTime() - start;

        // The news host is not free for 3 s; blog gets the single global slot long before that.
        assertThat(Duration.ofNanos(waited)).isLessThan(Duration.ofMillis(1500));
        assertThat(secondToNews).isNotDone();
        other.close();
        secondToNews.get(10, TimeUnit.SECONDS);
    }
}
