package dev.parallax.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The metrics Parallax exports, in Prometheus form. Components never see the registry: the wiring
 * hands them plain callbacks onto these methods.
 */
public final class ParallaxMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter polled = Counter.builder("parallax.source.polls").tag("result", "ok")
            .description("source polls that succeeded").register(registry);
    private final Counter pollFailures = Counter.builder("parallax.source.polls").tag("result", "failed")
            .description("source polls that failed").register(registry);
    private final Counter ingested = Counter.builder("parallax.articles.ingested")
            .description("new articles stored").register(registry);
    private final Counter digestsBuilt = Counter.builder("parallax.digests.built")
            .description("digests queued for a channel").register(registry);
    private final Counter digestsDelivered = Counter.builder("parallax.digests.delivered")
            .description("digest headers the platform confirmed").register(registry);
    private final Timer commandLatency = Timer.builder("parallax.command.latency")
            .description("time from receiving a chat command to its answer").publishPercentiles(0.5, 0.99)
            .register(registry);

    /** {@code polled} sources were looked at, {@code failed} of them failed, {@code added} articles arrived. */
    public void sourcesPolled(int polled, int failed, int added) {
        this.polled.increment(polled - failed);
        pollFailures.increment(failed);
        ingested.increment(added);
    }

    public void digestBuilt() {
        digestsBuilt.increment();
    }

    /** Counts an outbox row's outcome: its kind (header, story, followup) and result (delivered, retry, failed). */
    public void delivery(String kind, String result) {
        Counter.builder("parallax.deliveries").tag("kind", kind).tag("result", result)
                .description("outbox rows handed to a platform, by outcome").register(registry).increment();
        if (kind.equals("header") && result.equals("delivered")) {
            digestsDelivered.increment();
        }
    }

    public void commandLatency(Duration latency) {
        commandLatency.record(latency);
    }

    /** A value read at every scrape (outbox depth, stories). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
