package dev.parallax.ingest;

import dev.parallax.ingest.feed.FeedEntry;
import dev.parallax.ingest.feed.FeedParser;
import dev.parallax.ingest.feed.FeedRead;
import dev.parallax.ingest.feed.ParsedFeed;
import dev.parallax.ingest.http.FetchResult;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.ingest.http.TextDecoder;
import dev.parallax.ingest.page.CanonicalUrl;
import dev.parallax.ingest.page.ExtractedPage;
import dev.parallax.ingest.page.PageExtractor;
import dev.parallax.model.Article;
import dev.parallax.store.FeedEntryStore;
import dev.parallax.store.SourceStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one web source: fetches its URL (conditionally), and if it is a feed, reads each entry it
 * has not read before (the article page through {@link PageExtractor}, falling back to the feed's
 * own text when the page is short, paywalled or unreachable); if it is a page, the page is the
 * article. Entries whose canonical URL another feed already stored become sightings of that
 * article; everything else goes through the shared {@link ArticleIntake}.
 */
public final class WebIngestService {
    private final HttpFetcher fetcher;
    private final FeedParser feeds = new FeedParser();
    private final PageExtractor pages = new PageExtractor();
    private final ArticlePageReader pageReader;
    private final ArticleIntake intake;
    private final SourceStore sources;
    private final FeedEntryStore entries;
    private final FeedSettings settings;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, CountDownLatch> inFlight = new ConcurrentHashMap<>();

    public WebIngestService(HttpFetcher fetcher, ArticleIntake intake, SourceStore sources, FeedEntryStore entries,
                            FeedSettings settings, InstantSource clock) {
        this.fetcher = fetcher;
        this.intake = intake;
        this.sources = sources;
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
        this.pageReader = new ArticlePageReader(fetcher, pages);
    }

    /** The source row for a URL, created on first sight (kind "feed" until a read shows otherwise). */
    public long ensureSource(URI url) {
        return sources.ensure("feed", url.toString(), url.getHost() == null ? url.toString() : url.getHost());
    }

    /**
     * One-off ingest of URLs ({@code parallax ingest URL}, {@code parallax digest URL}): every URL is
     * read in full (no conditional GET); a URL that cannot be read is a warning, not a stop.
     */
    public IngestReport ingest(List<URI> urls) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        int added = 0;
        int near = 0;
        for (URI url : urls) {
            SourceResult result = read(ensureSource(url), url, HttpFetcher.Validators.NONE, false);
            if (result instanceof SourceResult.Read r) {
                ids.addAll(r.articleIds());
                added += r.added();
                near += r.nearDuplicates();
                r.warnings().forEach(w -> warnings.add(url + ": " + w));
            } else if (result instanceof SourceResult.Failed f) {
                warnings.add(url + ": " + f.reason());
            } else if (result instanceof SourceResult.Throttled t) {
                warnings.add(url + ": " + t.reason() + "; try again later");
            }
        }
        return new IngestReport(List.copyOf(ids), added, near, warnings);
    }

    /** A poll: fetches the source once and stores what is new in it. Never throws for what the network serves. */
    public SourceResult read(long sourceId, URI url, HttpFetcher.Validators validators) {
        return read(sourceId, url, validators, true);
    }

    // A poll skips entries older than the entry-age limit; a one-off read takes what the feed shows.
    private SourceResult read(long sourceId, URI url, HttpFetcher.Validators validators, boolean polled) {
        FetchResult fetched = fetcher.fetch(url, validators);
        if (fetched instanceof FetchResult.NotModified) {
            return new SourceResult.NotModified();
        }
        if (fetched instanceof FetchResult.Throttled t) {
            return new SourceResult.Throttled(t.retryAfter(), "HTTP " + t.status() + " (asked to slow down)");
        }
        if (fetched instanceof FetchResult.Failed f) {
            return new SourceResult.Failed(f.reason(), f.permanent());
        }
        FetchResult.Fetched body = (FetchResult.Fetched) fetched;
        TextDecoder.Decoded text = TextDecoder.decode(body.body(), body.contentType());
        List<String> warnings = new ArrayList<>();
        text.warning().ifPresent(warnings::add);
        FeedRead read = feeds.parse(text.text(), body.contentType(), body.finalUri().toString());
        if (read instanceof FeedRead.Feed f) {
            warnings.addAll(f.feed().warnings());
            return readFeed(sourceId, url, f.feed(), body, warnings, polled);
        }
        if (ArticlePageReader.looksLikeHtml(body.contentType(), text.text())) {
            return readPage(sourceId, body, text.text(), warnings);
        }
        return new SourceResult.Failed("neither a feed nor a web page: " + ((FeedRead.NotAFeed) read).reason(), false);
    }

    private SourceResult readFeed(long sourceId, URI feedUrl, ParsedFeed feed, FetchResult.Fetched body,
                                  List<String> warnings, boolean polled) {
        Instant now = clock.instant();
        List<FeedEntry> usable = new ArrayList<>();
        for (FeedEntry e : feed.entries()) {
            if (e.key().isEmpty()) {
                warnings.add("an entry with no id, link or title was skipped");
            } else {
                usable.add(e);
            }
        }
        Map<String, FeedEntryStore.Seen> seen = entries.seen(sourceId, usable.stream().map(FeedEntry::key).toList());
        Set<String> ids = new LinkedHashSet<>();
        Set<String> keysThisPoll = new LinkedHashSet<>();
        List<FeedEntry> fresh = new ArrayList<>();
        for (FeedEntry e : usable) {
            FeedEntryStore.Seen s = seen.get(e.key());
            if (s != null) {
                s.articleId().ifPresent(ids::add);
            } else if (keysThisPoll.add(e.key())) {
                fresh.add(e);
            }
        }
        List<String> added = new ArrayList<>();
        int near = 0;
        int sameUrl = 0;
        int read = 0;
        for (FeedEntry e : fresh) {
            if (polled && e.published() != null && e.published().isBefore(now.minus(settings.maxEntryAge()))) {
                entries.record(sourceId, e.key(), CanonicalUrl.of(e.link()).orElse(null), null);
                continue;
            }
            if (read == settings.maxEntriesPerPoll()) {
                warnings.add((fresh.size() - read) + " more new entries are left for the next poll");
                break;
            }
            read++;
            EntryOutcome outcome = readEntry(sourceId, feedUrl, feed, e, warnings);
            if (outcome.articleId != null) {
                ids.add(outcome.articleId);
            }
            switch (outcome.kind) {
                case ADDED -> added.add(outcome.articleId);
                case NEAR_DUPLICATE -> near++;
                case SAME_URL -> sameUrl++;
                default -> { }
            }
        }
        String name = feed.title().isEmpty() ? feedUrl.getHost() : feed.title();
        return new SourceResult.Read("feed", name, body.etag(), body.lastModified(), List.copyOf(ids), added, near,
                sameUrl, warnings);
    }

    private enum EntryKind { ADDED, NEAR_DUPLICATE, SAME_URL, KNOWN, EMPTY }

    private record EntryOutcome(EntryKind kind, String articleId) {
    }

    private EntryOutcome readEntry(long sourceId, URI feedUrl, ParsedFeed feed, FeedEntry e, List<String> warnings) {
        String linkCanonical = CanonicalUrl.of(e.link()).orElse("");
        if (linkCanonical.isEmpty()) {
            return readNewEntry(sourceId, feedUrl, feed, e, linkCanonical, warnings);
        }
        // Two feeds polled at once may carry the same article: the first reads it, the other waits and sights it.
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch theirs = inFlight.putIfAbsent(linkCanonical, mine);
        if (theirs != null) {
            awaitQuietly(theirs);
            return readNewEntry(sourceId, feedUrl, feed, e, linkCanonical, warnings);
        }
        try {
            return readNewEntry(sourceId, feedUrl, feed, e, linkCanonical, warnings);
        } finally {
            inFlight.remove(linkCanonical, mine);
            mine.countDown();
        }
    }

    private void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(fetcher.settings().readTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private EntryOutcome readNewEntry(long sourceId, URI feedUrl, ParsedFeed feed, FeedEntry e, String linkCanonical,
                                      List<String> warnings) {
        Optional<String> elsewhere = entries.articleAt(linkCanonical);
        if (elsewhere.isPresent()) {
            return sighting(sourceId, e, linkCanonical, elsewhere.get());
        }
        ExtractedPage page = null;
        if (settings.fetchPages() && !linkCanonical.isEmpty()) {
            page = pageReader.read(e.link(), warnings);
            if (page != null && !page.canonicalUrl().isEmpty() && !page.canonicalUrl().equals(linkCanonical)) {
                Optional<String> byPage = entries.articleAt(page.canonicalUrl());
                if (byPage.isPresent()) {
                    return sighting(sourceId, e, page.canonicalUrl(), byPage.get());
                }
            }
        }
        String canonical = page != null && !page.canonicalUrl().isEmpty() ? page.canonicalUrl() : linkCanonical;
        String body = ArticlePageReader.chooseBody(page, e);
        if (body.isBlank()) {
            warnings.add("no article text for entry \"" + shorten(e.title().isEmpty() ? e.key() : e.title()) + "\"");
            entries.record(sourceId, e.key(), canonical, null);
            return new EntryOutcome(EntryKind.EMPTY, null);
        }
        String outlet = firstNonBlank(page == null ? "" : page.outlet(), feed.title(), host(e.link()),
                feedUrl.getHost());
        String title = firstNonBlank(e.title(), page == null ? "" : page.title());
        Instant published = e.published() != null ? e.published()
                : page != null && page.published() != null ? page.published() : clock.instant();
        String location = canonical.isEmpty() ? feedUrl + "#" + e.key() : canonical;
        Article article = new Article(ArticlePageReader.articleId(outlet, location), outlet, title,
                canonical.isEmpty() ? e.link() : canonical, published, body);
        ArticleIntake.Outcome outcome = intake.take(ArticleIntake.Candidate.of(article, sourceId, location));
        entries.record(sourceId, e.key(), canonical, outcome.articleId());
        EntryKind kind = outcome instanceof ArticleIntake.Outcome.Added ? EntryKind.ADDED
                : outcome instanceof ArticleIntake.Outcome.NearDuplicate ? EntryKind.NEAR_DUPLICATE : EntryKind.KNOWN;
        return new EntryOutcome(kind, outcome.articleId());
    }

    private EntryOutcome sighting(long sourceId, FeedEntry e, String canonical, String articleId) {
        intake.sighting(articleId, sourceId, canonical, ContentHash.of(e.title(), e.feedText()));
        entries.record(sourceId, e.key(), canonical, articleId);
        return new EntryOutcome(EntryKind.SAME_URL, articleId);
    }

    private SourceResult readPage(long sourceId, FetchResult.Fetched body, String html, List<String> warnings) {
        ExtractedPage page = pages.extract(html, body.finalUri().toString());
        String canonical = page.canonicalUrl().isEmpty() ? CanonicalUrl.of(body.finalUri().toString()).orElse("")
                : page.canonicalUrl();
        String name = firstNonBlank(page.outlet(), body.finalUri().getHost());
        if (page.text().isBlank()) {
            warnings.add("no article text found on the page");
            return new SourceResult.Read("page", name, body.etag(), body.lastModified(), List.of(), List.of(), 0, 0,
                    warnings);
        }
        Optional<String> elsewhere = entries.articleAt(canonical);
        String location = canonical.isEmpty() ? body.finalUri().toString() : canonical;
        Article article = new Article(ArticlePageReader.articleId(name, location), name, page.title(), location,
                page.published() != null ? page.published() : clock.instant(), page.text());
        ArticleIntake.Candidate candidate = ArticleIntake.Candidate.of(article, sourceId, location);
        if (elsewhere.isPresent() && entries.seen(sourceId, List.of(location)).isEmpty()) {
            intake.sighting(elsewhere.get(), sourceId, location, candidate.hash());
            entries.record(sourceId, location, canonical, elsewhere.get());
            return new SourceResult.Read("page", name, body.etag(), body.lastModified(), List.of(elsewhere.get()),
                    List.of(), 0, 1, warnings);
        }
        ArticleIntake.Outcome outcome = intake.take(candidate);
        entries.record(sourceId, location, canonical, outcome.articleId());
        return new SourceResult.Read("page", name, body.etag(), body.lastModified(), List.of(outcome.articleId()),
                outcome instanceof ArticleIntake.Outcome.Added ? List.of(outcome.articleId()) : List.of(),
                outcome instanceof ArticleIntake.Outcome.NearDuplicate ? 1 : 0, 0, warnings);
    }

    private static String host(String link) {
        try {
            String h = new URI(link).getHost();
            return h == null ? "" : h.replaceFirst("^www\\.", "");
        } catch (URISyntaxException | NullPointerException ex) {
            return "";
        }
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
