package dev.parallax.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Slack's HTTP requests as Slack would sign them: slash commands and button presses. */
final class SignedRequests {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private SignedRequests() {
    }

    static String slashBody(String channel, String user, String text, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", "T0001");
        form.put("team_domain", "test");
        form.put("channel_id", channel);
        form.put("channel_name", "news");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/parallax");
        form.put("text", text);
        form.put("api_app_id", "A0001");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String buttonBody(String channel, String user, String actionId, String value, String responseUrl) {
        ObjectNode p = FakeSlackApi.JSON.createObjectNode();
        p.put("type", "block_actions").put("api_app_id", "A0001").put("trigger_id", "t-1")
                .put("response_url", responseUrl);
        p.putObject("team").put("id", "T0001").put("domain", "test");
        p.putObject("user").put("id", user).put("name", user.toLowerCase()).put("team_id", "T0001");
        p.putObject("container").put("type", "message").put("channel_id", channel)
                .put("message_ts", "1700000000.000101").put("is_ephemeral", false);
        p.putObject("channel").put("id", channel).put("name", "news");
        p.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "story:" + value).put("value", value).put("action_ts", "1700000001.000001")
                .putObject("text").put("type", "plain_text").put("text", "Where sources differ");
        return "payload=" + enc(p.toString());
    }

    static Map<String, List<String>> headers(String secret, Instant signedAt, String body) {
        String ts = Long.toString(signedAt.getEpochSecond());
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("content-type", List.of("application/x-www-form-urlencoded"));
        h.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(ts));
        h.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, List.of(new SlackSignature.Generator(secret).generate(ts, body)));
        return h;
    }

    static Request<?> parse(AppConfig config, String body, Map<String, List<String>> headers) {
        return new SlackRequestParser(config).parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("/slack/events").queryString(Map.of()).headers(new RequestHeaders(headers))
                .requestBody(body).remoteAddress("127.0.0.1").build());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
