package dev.parallax.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/** The metrics Parallax exports; components get plain callbacks, not the registry. */
public final class ParallaxMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter polled = Counter.builder("parallax_source_polls").register(registry);
    private final Counter pollFailures = Counter.builder("parallax_source_poll_failures").register(registry);
    private final Counter ingested = Counter.builder("parallax_articles_ingested").register(registry);
    private final Counter digestsBuilt = Counter.builder("parallax_digests_built").register(registry);
    private final Timer commandLatency = Timer.builder("parallax_command_latency").publishPercentiles(0.5, 0.99)
            .register(registry);

    public void sourcePolled(boolean failed) {
        polled.increment();
        if (failed) {
            pollFailures.increment();
        }
    }

    public void articlesIngested(int count) {
        ingested.increment(count);
    }

    public void digestBuilt() {
        digestsBuilt.increment();
    }

    /** Counts an outbox result: "delivered", "retry" or "failed". */
    public void delivery(String result) {
        Counter.builder("parallax_deliveries").tag("result", result).register(registry).increment();
    }

    public void commandLatency(Duration latency) {
        commandLatency.record(latency);
    }

    public void gauge(String name, Supplier<Number> value) {
        Gauge.builder(name, value).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
