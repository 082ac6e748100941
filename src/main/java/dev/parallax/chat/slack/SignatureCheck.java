package dev.parallax.chat.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Slack's request signature on our clock: a wrong signature, or a timestamp more than
 * five minutes from now (a replay, or a request signed in the future), gets 401. Used instead of
 * Bolt's own check, which reads the system clock and accepts any future timestamp.
 */
final class SignatureCheck implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureCheck.class);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final InstantSource clock;

    SignatureCheck(String signingSecret, InstantSource clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.isSocketMode() || MiddlewareOps.isNoSlackSignatureRequest(req.getRequestType())) {
            return chain.next(req);
        }
        String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!fresh(timestamp)) {
            LOG.warn("rejected a Slack request with a missing or stale timestamp: {}", timestamp);
            return rejected();
        }
        String expected = generator.generate(timestamp, req.getRequestBodyAsString());
        if (signature == null || expected == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("rejected a Slack request with a bad signature");
            return rejected();
        }
        return chain.next(req);
    }

    private boolean fresh(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        return skew.compareTo(MAX_AGE) <= 0;
    }

    private static Response rejected() {
        return Response.json(401, "{\"error\":\"invalid request\"}");
    }
}
