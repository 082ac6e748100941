package dev.parallax.ingest.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The outcome of one fetch; "not modified" and "slow down" are answers, not errors. */
public sealed interface FetchResult {
    URI requested();

    /** A 2xx answer with its body (already decompressed). */
    record Fetched(URI requested, URI finalUri, int status, String contentType, byte[] body, String etag,
                   String lastModified) implements FetchResult {
    }

    /** 304: the copy from the last fetch is still current. */
    record NotModified(URI requested, URI finalUri) implements FetchResult {
    }

    /** 429 or 503: the server asked us to come back later, perhaps saying when. */
    record Throttled(URI requested, int status, Optional<Duration> retryAfter) implements FetchResult {
    }

    /** Anything else; {@code permanent} failures (410, a blocked address, a bad URL) will not heal by retrying. */
    record Failed(URI requested, Failure kind, String reason) implements FetchResult {
        public boolean permanent() {
            return kind.permanent;
        }
    }

    /** Why a fetch failed. */
    enum Failure {
        BAD_URL(true), BLOCKED(true), GONE(true), UNKNOWN_HOST(false), HTTP_STATUS(false), TOO_LARGE(false),
        TIMEOUT(false), TOO_MANY_REDIRECTS(false), NETWORK(false), INTERRUPTED(false);

        final boolean permanent;

        Failure(boolean permanent) {
            this.permanent = permanent;
        }
    }
}
