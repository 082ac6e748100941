package dev.parallax.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Posts digests to Slack: the header as a channel message, each story and follow-up in its
 * thread. A delivery too big for one message goes out as several, in order; if Slack refuses a
 * later part, the parts already posted are remembered and the retry resumes after them. Every
 * message carries its idempotency key as message metadata, so after a crash the outbox can find
 * what already arrived instead of posting it twice (among the channel's latest 100 messages, or
 * the thread's latest 200 replies: enough for a restart, not for an outage of days).
 */
public final class SlackPlatform implements ChatPlatform {
    static final String METADATA_EVENT = "parallax_delivery";
    // Slack errors that no retry can fix: the channel is gone or the bot cannot post there.
    private static final Set<String> GONE = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "account_inactive");

    private final MethodsClient client;
    private final BlockKitRenderer renderer;
    private final BooleanSupplier connected;
    private final Map<String, List<String>> posted = new ConcurrentHashMap<>();

    SlackPlatform(MethodsClient client, BlockKitRenderer renderer, BooleanSupplier connected) {
        this.client = client;
        this.renderer = renderer;
        this.connected = connected;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean connected() {
        return connected.getAsBoolean();
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        List<SlackMessage> parts = renderer.delivery(delivery.content());
        String root = delivery.threadParent() == null ? null : SlackMessageId.parse(delivery.threadParent()).root();
        List<String> done = new ArrayList<>(posted.getOrDefault(delivery.idempotencyKey(), List.of()));
        for (int i = done.size(); i < parts.size(); i++) {
            // A header's own continuation goes into its thread, to keep the channel tidy.
            String thread = root != null ? root : i == 0 ? null : done.get(0);
            Posted result = post(delivery, parts.get(i), thread, i, parts.size());
            if (result.failure() != null) {
                if (!done.isEmpty() && !(result.failure() instanceof DeliveryResult.Permanent)) {
                    posted.put(delivery.idempotencyKey(), List.copyOf(done));
                }
                return result.failure();
            }
            done.add(result.ts());
        }
        posted.remove(delivery.idempotencyKey());
        return new DeliveryResult.Delivered(SlackMessageId.of(root, done.get(0)).format());
    }

    @Override
    public Optional<String> findDelivered(Delivery delivery) {
        String key = delivery.idempotencyKey();
        String address = delivery.channel().address();
        String root = delivery.threadParent() == null ? null : SlackMessageId.parse(delivery.threadParent()).root();
        try {
            List<Message> messages = root == null
                    ? client.conversationsHistory(r -> r.channel(address).limit(100).includeAllMetadata(true)).getMessages()
                    : client.conversationsReplies(r -> r.channel(address).ts(root).limit(200).includeAllMetadata(true))
                    .getMessages();
            TreeMap<Integer, String> found = new TreeMap<>();
            int parts = collect(messages, key, found);
            if (root == null && found.containsKey(0) && parts > 1) {
                String first = found.get(0);
                parts = Math.max(parts, collect(client.conversationsReplies(r -> r.channel(address).ts(first)
                        .limit(200).includeAllMetadata(true)).getMessages(), key, found));
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (found.size() >= parts && found.lastKey() == parts - 1) {
                return Optional.of(SlackMessageId.of(root, found.get(0)).format());
            }
            // Some parts arrived: deliver() resumes after the ones in unbroken order from the first.
            List<String> prefix = new ArrayList<>();
            for (int i = 0; found.containsKey(i); i++) {
                prefix.add(found.get(i));
            }
            if (!prefix.isEmpty()) {
                posted.put(key, List.copyOf(prefix));
            }
            return Optional.empty();
        } catch (IOException | SlackApiException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // The parts of this delivery among the messages, by part number; returns how many parts it has.
    private static int collect(List<Message> messages, String key, Map<Integer, String> found) {
        int parts = 0;
        for (Message m : messages == null ? List.<Message>of() : messages) {
            Message.Metadata meta = m.getMetadata();
            if (meta == null || !METADATA_EVENT.equals(meta.getEventType()) || meta.getEventPayload() == null
                    || !key.equals(String.valueOf(meta.getEventPayload().get("key")))) {
                continue;
            }
            found.put(number(meta.getEventPayload().get("part")), m.getTs());
            parts = Math.max(parts, number(meta.getEventPayload().get("parts")));
        }
        return parts;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
    }

    private Posted post(Delivery delivery, SlackMessage part, String thread, int index, int parts) {
        Message.Metadata metadata = new Message.Metadata(METADATA_EVENT,
                Map.of("key", delivery.idempotencyKey(), "part", index, "parts", parts));
        try {
            ChatPostMessageResponse r = client.chatPostMessage(req -> req.channel(delivery.channel().address())
                    .text(part.text()).blocks(part.blocks()).threadTs(thread).metadata(metadata)
                    .unfurlLinks(false).unfurlMedia(false));
            if (r.isOk()) {
                return new Posted(r.getTs(), null);
            }
            return new Posted(null, refused(r.getError()));
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new Posted(null, new DeliveryResult.RetryLater(retryAfter(e.getResponse().header("Retry-After")),
                        "slack rate limit (429)"));
            }
            String error = e.getError() == null ? null : e.getError().getError();
            if (error != null && GONE.contains(error)) {
                return new Posted(null, new DeliveryResult.Permanent("slack: " + error));
            }
            return new Posted(null, new DeliveryResult.RetryLater(null, "slack http " + status
                    + (error == null ? "" : ": " + error)));
        } catch (IOException e) {
            return new Posted(null, new DeliveryResult.RetryLater(null, "slack unreachable: " + e.getMessage()));
        }
    }

    private static DeliveryResult refused(String error) {
        if (error != null && GONE.contains(error)) {
            return new DeliveryResult.Permanent("slack: " + error);
        }
        return new DeliveryResult.RetryLater(null, "slack: " + error);
    }

    private static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    private record Posted(String ts, DeliveryResult failure) {
    }
}
