package dev.parallax.ingest;

import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.store.SourcePoll;
import dev.parallax.store.SourcePollStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle over the web sources that are due: each is read on a worker (the fetcher holds
 * the per-host and global limits), its next state comes from the {@link PollPolicy}, and the new
 * articles of the whole cycle are handed on (to clustering) at the end. One broken source never
 * blocks the others; a cycle that is still running makes a second one return at once.
 */
public final class SourcePollService {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePollService.class);
    private static final int MAX_PROBLEMS = 50;

    private final SourcePollStore polls;
    private final WebIngestService web;
    private final PollPolicy policy;
    private final int workers;
    private final Consumer<List<String>> onNewArticles;
    private final InstantSource clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public SourcePollService(SourcePollStore polls, WebIngestService web, PollPolicy policy, int workers,
                             Consumer<List<String>> onNewArticles, InstantSource clock) {
        this.polls = polls;
        this.web = web;
        this.policy = policy;
        this.workers = workers;
        this.onNewArticles = onNewArticles;
        this.clock = clock;
    }

    /** For the scheduler's {@code SourcePoller}: polls what is due and returns how many articles arrived. */
    public int pollDue() {
        return pollCycle().articlesAdded();
    }

    public PollReport pollCycle() {
        if (!running.compareAndSet(false, true)) {
            LOG.info("a poll cycle is still running; skipped");
            return PollReport.empty();
        }
        long start = System.nanoTime();
        try {
            List<SourcePoll> due = polls.due(clock.instant());
            List<Polled> done = new ArrayList<>();
            if (!due.isEmpty()) {
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, due.size()), r -> {
                    Thread t = new Thread(r, "parallax-poll");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Polled>> futures = new ArrayList<>();
                    for (SourcePoll s : due) {
                        futures.add(pool.submit(() -> pollOne(s)));
                    }
                    for (Future<Polled> f : futures) {
                        done.add(f.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    LOG.error("poll worker failed", e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            PollReport report = report(due.size(), done, Duration.ofNanos(System.nanoTime() - start));
            if (!report.newArticleIds().isEmpty()) {
                onNewArticles.accept(report.newArticleIds());
            }
            LOG.info("poll cycle: {} due, {} read, {} not modified, {} failed, {} new articles in {} ms", report.due(),
                    report.read(), report.notModified(), report.failed(), report.articlesAdded(),
                    report.elapsed().toMillis());
            return report;
        } finally {
            running.set(false);
        }
    }

    private record Polled(SourcePoll before, SourcePoll after, SourceResult result, List<String> newIds) {
    }

    private Polled pollOne(SourcePoll s) {
        SourceResult result;
        try {
            URI url = URI.create(s.url());
            result = web.read(s.id(), url, new HttpFetcher.Validators(s.etag(), s.lastModified()));
        } catch (RuntimeException e) {
            // A bug or a store hiccup on one source must not lose the whole cycle.
            LOG.error("source={} read failed unexpectedly", s.url(), e);
            result = new SourceResult.Failed("internal error: " + e, false);
        }
        Instant now = clock.instant();
        SourcePoll next = policy.next(s, result, now);
        polls.save(next);
        List<String> newIds = List.of();
        if (result instanceof SourceResult.Read r) {
            r.warnings().forEach(w -> LOG.warn("source={} {}", s.url(), w));
            newIds = r.newArticleIds();
        } else if (result instanceof SourceResult.Failed f) {
            LOG.warn("source={} failed ({} in a row): {}", s.url(), next.failures(), f.reason());
        }
        return new Polled(s, next, result, newIds);
    }

    private static PollReport report(int due, List<Polled> done, Duration elapsed) {
        int read = 0;
        int notModified = 0;
        int throttled = 0;
        int failed = 0;
        int disabled = 0;
        int added = 0;
        int duplicates = 0;
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Polled p : done) {
            if (p.result instanceof SourceResult.Read r) {
                read++;
                added += r.added();
                duplicates += r.nearDuplicates() + r.sameUrl();
                ids.addAll(p.newIds);
            } else if (p.result instanceof SourceResult.NotModified) {
                notModified++;
            } else if (p.result instanceof SourceResult.Throttled) {
                throttled++;
            } else if (p.result instanceof SourceResult.Failed f) {
                failed++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("source " + p.before.id() + " (" + p.before.url() + "): " + f.reason());
                }
            }
            if (p.after.disabled() && !p.before.disabled()) {
                disabled++;
            }
        }
        return new PollReport(due, read, notModified, throttled, failed, disabled, added, duplicates, ids, elapsed,
                problems);
    }
}
