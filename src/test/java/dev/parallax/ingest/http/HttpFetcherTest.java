package dev.parallax.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.ingest.LocalSite;
import dev.parallax.ingest.LocalSite.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T08:00:00Z"), ZoneOffset.UTC);
    private static final FetchSettings SETTINGS = new FetchSettings("TestBot/1 (+https://example.org/bot)",
            Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024, 5, 8, 2, Duration.ZERO, List.of("127.0.0.1/32"));

    private LocalSite site;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = new LocalSite();
        fetcher = new HttpFetcher(SETTINGS, AddressGuard.withSystemResolver(SETTINGS.allow()), CLOCK);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    @DisplayName("a GET names the bot, asks for gzip, and a gzipped body comes back unzipped with its validators")
    void userAgentGzipAndValidators() throws IOException {
        site.on("/feed.xml", new Answer(200, Map.of("Content-Type", "application/rss+xml", "Content-Encoding", "gzip",
                "ETag", "\"v7\"", "Last-Modified", "Mon, 01 Sep 2025 07:00:00 GMT"), gzip("<rss>hello</rss>"), 0));

        FetchResult r = fetcher.fetch(site.url("/feed.xml"), HttpFetcher.Validators.NONE);

        assertThat(r).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>hello</rss>");
            assertThat(f.etag()).isEqualTo("\"v7\"");
            assertThat(f.lastModified()).isEqualTo("Mon, 01 Sep 2025 07:00:00 GMT");
        });
        LocalSite.Request sent = site.requestsTo("/feed.xml").get(0);
        assertThat(sent.header("User-Agent")).isEqualTo("TestBot/1 (+https://example.org/bot)");
        assertThat(sent.header("Accept-Encoding")).isEqualTo("gzip");
        assertThat(sent.header("If-None-Match")).isNull();
    }

    @Test
    @DisplayName("the last validators go back as If-None-Match / If-Modified-Since, and a 304 is NotModified")
    void conditionalGet() {
        site.on("/feed.xml", req -> "\"v7\"".equals(req.header("If-None-Match"))
                ? Answer.status(304, Map.of("ETag", "\"v7\"")) : Answer.ok("application/rss+xml", "<rss/>"));

        FetchResult r = fetcher.fetch(site.url("/feed.xml"),
                new HttpFetcher.Validators("\"v7\"", "Mon, 01 Sep 2025 07:00:00 GMT"));

        assertThat(r).isInstanceOf(FetchResult.NotModified.class);
        assertThat(site.requestsTo("/feed.xml").get(0).header("If-Modified-Since"))
                .isEqualTo("Mon, 01 Sep 2025 07:00:00 GMT");
    }

    @Test
    @DisplayName("429 with Retry-After seconds and 503 with an HTTP date are Throttled with the wait they ask for")
    void retryAfter() {
        site.on("/busy", Answer.status(429, Map.of("Retry-After", "120")));
        site.on("/down", Answer.status(503, Map.of("Retry-After", "Mon, 01 Sep 2025 09:30:00 GMT")));

        FetchResult busy = fetcher.fetch(site.url("/busy"), HttpFetcher.Validators.NONE);
        FetchResult down = fetcher.fetch(site.url("/down"), HttpFetcher.Validators.NONE);

        assertThat(busy).isEqualTo(new FetchResult.Throttled(site.url("/busy"), 429,
                java.util.Optional.of(Duration.ofMinutes(2))));
        assertThat(((FetchResult.Throttled) down).retryAfter()).contains(Duration.ofMinutes(90));
    }

    @Test
    @DisplayName("redirects are followed by hand to the end, and a sixth hop is refused")
    void redirects() {
        for (int i = 0; i < 7; i++) {
            site.on("/hop" + i, Answer.status(i == 0 ? 301 : 302, Map.of("Location", "/hop" + (i + 1))));
        }
        site.on("/hop7", Answer.ok("text/html", "<html>too far</html>"));
        site.on("/start", Answer.status(308, Map.of("Location", "/dir/mid")));
        site.on("/dir/mid", Answer.status(307, Map.of("Location", "../final")));
        site.on("/final", Answer.ok("text/html", "<html>done</html>"));

        FetchResult ok = fetcher.fetch(site.url("/start"), HttpFetcher.Validators.NONE);
        FetchResult tooMany = fetcher.fetch(site.url("/hop0"), HttpFetcher.Validators.NONE);

        assertThat(ok).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.finalUri()).isEqualTo(site.url("/final")));
        assertThat(tooMany).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchResult.Failure.TOO_MANY_REDIRECTS));
        assertThat(site.requestsTo("/hop6")).isEmpty();
    }

    @Test
    @DisplayName("a redirect to another scheme (file:, ftp:) is refused as a bad URL")
    void redirectToOtherScheme() {
        site.on("/sneaky", Answer.status(302, Map.of("Location", "file:///etc/passwd")));

        FetchResult r = fetcher.fetch(site.url("/sneaky"), HttpFetcher.Validators.NONE);

        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Failure.BAD_URL);
            assertThat(f.permanent()).isTrue();
        });
    }

    @Test
    @DisplayName("SSRF: a redirect to a private, a metadata, or a name resolving to a link-local address is blocked")
    void redirectToPrivateAddressIsBlocked() {
        // The allow-list opens 127.0.0.1 for the test server only; everything else private stays shut.
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1/32"), host -> host.equals("metadata.example")
                ? new InetAddress[] {InetAddress.getByName("169.254.169.254")} : InetAddress.getAllByName(host));
        HttpFetcher guarded = new HttpFetcher(SETTINGS, guard, CLOCK);
        site.on("/to-private", Answer.status(302, Map.of("Location", "http://10.1.2.3:8080/admin")));
        site.on("/to-metadata", Answer.status(301, Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        site.on("/to-name", Answer.status(302, Map.of("Location", "http://metadata.example/computeMetadata/v1/")));

        List<FetchResult> results = new ArrayList<>();
        for (String path : List.of("/to-private", "/to-metadata", "/to-name")) {
            results.add(guarded.fetch(site.url(path), HttpFetcher.Validators.NONE));
        }

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Failure.BLOCKED);
            assertThat(f.reason()).contains("after a redirect");
        }));
        assertThat(((FetchResult.Failed) results.get(0)).reason()).contains("private address 10.1.2.3");
        assertThat(((FetchResult.Failed) results.get(2)).reason()).contains("metadata.example", "169.254.169.254");
    }

    @Test
    @DisplayName("without an allow-list, the loopback server itself is never contacted")
    void loopbackBlockedByDefault() {
        HttpFetcher strict = new HttpFetcher(SETTINGS.withAllow(List.of()), AddressGuard.withSystemResolver(List.of()),
                CLOCK);
        site.on("/feed.xml", Answer.ok("application/rss+xml", "<rss/>"));

        FetchResult r = strict.fetch(site.url("/feed.xml"), HttpFetcher.Validators.NONE);

        assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("loopback address 127.0.0.1"));
        assertThat(site.requests()).isEmpty();
    }

    @Test
    @DisplayName("a body over the limit is refused: declared up front, streamed in chunks, or hidden in gzip")
    void oversizedBodies() throws IOException {
        String big = "x".repeat(200 * 1024);
        site.on("/declared", Answer.ok("text/html", big));
        site.on("/bomb", new Answer(200, Map.of("Content-Encoding", "gzip"), gzip(big.repeat(5)), 0));
        try (MockWebServer mock = new MockWebServer()) {
            mock.start(InetAddress.getByName("127.0.0.1"), 0);
            mock.enqueue(new MockResponse.Builder().chunkedBody(big, 4096).build());

            FetchResult declared = fetcher.fetch(site.url("/declared"), HttpFetcher.Validators.NONE);
            FetchResult chunked = fetcher.fetch(mock.url("/chunked").uri(), HttpFetcher.Validators.NONE);
            FetchResult bomb = fetcher.fetch(site.url("/bomb"), HttpFetcher.Validators.NONE);

            assertThat(List.of(declared, chunked, bomb)).allSatisfy(r -> assertThat(r)
                    .isInstanceOfSatisfying(FetchResult.Failed.class,
                            f -> assertThat(f.kind()).isEqualTo(FetchResult.Failure.TOO_LARGE)));
            assertThat(((FetchResult.Failed) declared).reason()).contains("Content-Length");
        }
    }

    @Test
    @DisplayName("a body that trickles in slower than the read timeout fails with TIMEOUT, on time")
    void slowBody() throws IOException {
        try (MockWebServer mock = new MockWebServer()) {
            mock.start(InetAddress.getByName("127.0.0.1"), 0);
            mock.enqueue(new MockResponse.Builder().body("y".repeat(2000)).throttleBody(10, 100, TimeUnit.MILLISECONDS)
                    .build());
            long start = System.nanoTime();

            FetchResult r = fetcher.fetch(mock.url("/slow").uri(), HttpFetcher.Validators.NONE);

            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(r).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.kind()).isEqualTo(FetchResult.Failure.TIMEOUT));
            assertThat(seconds).isLessThan(4.0);
        }
    }

    @Test
    @DisplayName("410 is a permanent failure, 404 and 500 are not")
    void statusFailures() {
        site.on("/gone", Answer.status(410, Map.of()));
        site.on("/broken", Answer.status(500, Map.of()));

        FetchResult gone = fetcher.fetch(site.url("/gone"), HttpFetcher.Validators.NONE);
        FetchResult missing = fetcher.fetch(site.url("/missing"), HttpFetcher.Validators.NONE);
        FetchResult broken = fetcher.fetch(site.url("/broken"), HttpFetcher.Validators.NONE);

        assertThat(((FetchResult.Failed) gone).permanent()).isTrue();
        assertThat(((FetchResult.Failed) missing).reason()).isEqualTo("HTTP 404");
        assertThat(((FetchResult.Failed) broken).permanent()).isFalse();
    }

    @Test
    @DisplayName("at most two requests reach one host at once, however many fetches run in parallel")
    void perHostLimit() {
        site.on("/slow", Answer.ok("text/html", "<html>ok</html>").delayed(200));
        List<CompletableFuture<FetchResult>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(CompletableFuture.supplyAsync(() -> fetcher.fetch(site.url("/slow"), HttpFetcher.Validators.NONE)));
        }

        all.forEach(CompletableFuture::join);

        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchResult.Fetched.class));
        assertThat(site.requestsTo("/slow")).hasSize(6);
        assertThat(site.maxInFlight()).isEqualTo(2);
    }

    @Test
    @DisplayName("with a 300 ms host interval, request starts to one host are spaced, a redirect hop included,"
            + " while another host name is not held up by them")
    void hostInterval() {
        FetchSettings paced = SETTINGS.withAllow(List.of("127.0.0.1/32", "localhost"))
                .withMinHostInterval(Duration.ofMillis(300));
        HttpFetcher politeFetcher = new HttpFetcher(paced, AddressGuard.withSystemResolver(paced.allow()), CLOCK);
        site.on("/feed", Answer.ok("application/rss+xml", "<rss/>"));
        site.on("/moved", Answer.status(301, Map.of("Location", "/feed")));
        site.on("/other", Answer.ok("application/rss+xml", "<rss/>"));
        List<CompletableFuture<FetchResult>> all = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            all.add(CompletableFuture.supplyAsync(
                    () -> politeFetcher.fetch(site.url("/moved"), HttpFetcher.Validators.NONE)));
        }
        all.add(CompletableFuture.supplyAsync(
                () -> politeFetcher.fetch(site.url("localhost", "/other"), HttpFetcher.Validators.NONE)));

        all.forEach(CompletableFuture::join);

        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchResult.Fetched.class));
        List<Long> oneHost = site.requests().stream().filter(r -> !r.path().equals("/other"))
                .map(LocalSite.Request::receivedNanos).sorted().toList();
        assertThat(oneHost).hasSize(4); // two fetches, each a redirect and its target
        for (int i = 1; i < oneHost.size(); i++) {
            // 300 ms apart at the client; arrival jitter on a busy machine is far below the 50 ms margin.
            assertThat(oneHost.get(i) - oneHost.get(i - 1)).isGreaterThan(Duration.ofMillis(250).toNanos());
        }
        long other = site.requestsTo("/other").get(0).receivedNanos();
        // The four starts to 127.0.0.1 take at least 900 ms; localhost goes within the first of them.
        assertThat(other).isLessThan(oneHost.get(0) + Duration.ofMillis(600).toNanos());
    }

    @Test
    @DisplayName("only absolute http and https URLs are fetched")
    void badUrls() {
        assertThat(HttpFetcher.badUrl(URI.create("ftp://example.org/feed"))).isPresent();
        assertThat(HttpFetcher.badUrl(URI.create("/relative"))).isPresent();
        assertThat(HttpFetcher.badUrl(URI.create("http://user:pw@example.org/"))).isPresent();
        assertThat(HttpFetcher.badUrl(URI.create("https://example.org/feed"))).isEmpty();
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
