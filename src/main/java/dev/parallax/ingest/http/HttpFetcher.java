package dev.parallax.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * GETs one URL politely and safely: conditional headers from the last fetch, a User-Agent naming
 * the bot, caps on requests in flight and a least interval between request starts per host (each
 * redirect hop is a request too), gzip, connect and read timeouts, a body limit enforced while
 * streaming, and redirects followed by hand (at most the configured number, http/https only) with
 * the SSRF guard consulted before every hop. Never throws for anything the network or the server does.
 */
public final class HttpFetcher {
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
            + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.8, */*;q=0.5";

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final InstantSource clock;
    private final ConcurrencyLimits limits;
    private final HttpClient client;

    /** What the last successful fetch said about its body, sent back so the server can answer 304. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    public HttpFetcher(FetchSettings settings, AddressGuard guard, InstantSource clock) {
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
        this.limits = new ConcurrencyLimits(settings.globalConcurrency(), settings.perHostConcurrency(),
                HostPacer.monotonic(settings.minHostInterval()));
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public FetchSettings settings() {
        return settings;
    }

    public FetchResult fetch(URI uri, Validators validators) {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Optional<String> bad = badUrl(current);
            if (bad.isPresent()) {
                return new FetchResult.Failed(uri, FetchResult.Failure.BAD_URL, bad.get());
            }
            AddressGuard.Verdict verdict = guard.check(current.getHost());
            if (verdict instanceof AddressGuard.Verdict.Blocked b) {
                return new FetchResult.Failed(uri, FetchResult.Failure.BLOCKED, "blocked: " + b.reason()
                        + (hop > 0 ? " (after a redirect to " + current + ")" : ""));
            }
            if (verdict instanceof AddressGuard.Verdict.Unresolvable u) {
                return new FetchResult.Failed(uri, FetchResult.Failure.UNKNOWN_HOST, u.reason());
            }
            HttpResponse<byte[]> response;
            try {
                response = exchange(withoutFragment(current), validators);
            } catch (Outcome o) {
                return o.result(uri);
            }
            int status = response.statusCode();
            if (isRedirect(status)) {
                Optional<String> location = response.headers().firstValue("location");
                if (location.isEmpty()) {
                    return new FetchResult.Failed(uri, FetchResult.Failure.HTTP_STATUS,
                            "HTTP " + status + " redirect without a Location header");
                }
                if (hop >= settings.maxRedirects()) {
                    return new FetchResult.Failed(uri, FetchResult.Failure.TOO_MANY_REDIRECTS,
                            "more than " + settings.maxRedirects() + " redirects");
                }
                try {
                    current = current.resolve(new URI(location.get().strip().replace(" ", "%20")));
                } catch (URISyntaxException e) {
                    return new FetchResult.Failed(uri, FetchResult.Failure.BAD_URL,
                            "redirect to an unreadable location: " + location.get());
                }
                continue;
            }
            return answer(uri, current, response);
        }
    }

    private FetchResult answer(URI requested, URI current, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 304) {
            return new FetchResult.NotModified(requested, current);
        }
        if (status == 429 || status == 503) {
            return new FetchResult.Throttled(requested, status,
                    RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock.instant()));
        }
        if (status == 410) {
            return new FetchResult.Failed(requested, FetchResult.Failure.GONE, "HTTP 410 Gone: the source was removed");
        }
        if (status < 200 || status >= 300) {
            return new FetchResult.Failed(requested, FetchResult.Failure.HTTP_STATUS, "HTTP " + status);
        }
        String encoding = response.headers().firstValue("content-encoding").orElse("identity")
                .strip().toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
            try {
                body = gunzip(body);
            } catch (LimitedBody.TooLarge e) {
                return new FetchResult.Failed(requested, FetchResult.Failure.TOO_LARGE, "unzipped " + e.getMessage());
            } catch (IOException e) {
                return new FetchResult.Failed(requested, FetchResult.Failure.NETWORK, "broken gzip body: " + e.getMessage());
            }
        } else if (!encoding.equals("identity") && !encoding.isEmpty()) {
            return new FetchResult.Failed(requested, FetchResult.Failure.NETWORK,
                    "unsupported Content-Encoding: " + encoding);
        }
        return new FetchResult.Fetched(requested, current, status,
                response.headers().firstValue("content-type").orElse(""), body,
                response.headers().firstValue("etag").orElse(null),
                response.headers().firstValue("last-modified").orElse(null));
    }

    private HttpResponse<byte[]> exchange(URI uri, Validators validators) throws Outcome {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        long max = settings.maxBodyBytes();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            if (info.statusCode() < 200 || info.statusCode() >= 300) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            OptionalLong declared = info.headers().firstValueAsLong("content-length");
            return new LimitedBody(max, declared.isPresent() && declared.getAsLong() > max);
        };
        try (ConcurrencyLimits.Permit permit = limits.acquire(uri.getHost())) {
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), handler);
            try {
                // The request timeout covers the headers; this deadline covers a body that trickles in.
                return future.get(settings.readTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new Outcome(FetchResult.Failure.TIMEOUT, "no complete answer within " + settings.readTimeout());
            } catch (ExecutionException e) {
                throw classify(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Outcome(FetchResult.Failure.INTERRUPTED, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new Outcome(FetchResult.Failure.BAD_URL, "not a fetchable URL: " + e.getMessage());
        }
    }

    private static Outcome classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return new Outcome(FetchResult.Failure.TOO_LARGE, t.getMessage());
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new Outcome(FetchResult.Failure.TIMEOUT, "connect timed out");
            }
            if (t instanceof HttpTimeoutException) {
                return new Outcome(FetchResult.Failure.TIMEOUT, "read timed out");
            }
            if (t instanceof ConnectException) {
                return new Outcome(FetchResult.Failure.NETWORK, "connection refused");
            }
        }
        String message = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Outcome(FetchResult.Failure.NETWORK, message);
    }

    private byte[] gunzip(byte[] body) throws IOException {
        long max = settings.maxBodyBytes();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (out.length > max) {
                throw new LimitedBody.TooLarge("body is over the " + max + " byte limit");
            }
            return out;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Why this URL is not one we fetch, if it is not: only absolute http(s) URLs with a host. */
    public static Optional<String> badUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are fetched, not " + (scheme.isEmpty() ? "relative URLs"
                    : scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("URL has no host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("URLs with user names or passwords are not fetched");
        }
        return Optional.empty();
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    // Internal control flow for a failed exchange; never escapes fetch().
    private static final class Outcome extends Exception {
        private static final long serialVersionUID = 1L;
        private final FetchResult.Failure kind;

        Outcome(FetchResult.Failure kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        FetchResult result(URI requested) {
            return new FetchResult.Failed(requested, kind, getMessage());
        }
    }
}
