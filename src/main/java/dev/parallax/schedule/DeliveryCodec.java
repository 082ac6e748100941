package dev.parallax.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parallax.chat.Delivery;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.store.OutboxItem;

/** Outbox payloads: a delivery's content as JSON, and back, by the row's kind. */
public final class DeliveryCodec {
    public static final String HEADER = "header";
    public static final String STORY = "story";
    public static final String FOLLOW_UP = "followup";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An outbox row for this content. */
    public OutboxItem item(String key, String parentKey, Delivery.Content content) {
        return new OutboxItem(key, parentKey, kind(content), encode(content));
    }

    public static String kind(Delivery.Content content) {
        if (content instanceof Delivery.DigestHeader) {
            return HEADER;
        }
        return content instanceof Delivery.Story ? STORY : FOLLOW_UP;
    }

    // Article bodies stay in the articles table: a message needs titles, outlets and links only.
    public String encode(Delivery.Content content) {
        Object value = content instanceof Delivery.Story s ? withoutBodies(s.brief()) : content;
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + content.getClass().getSimpleName(), e);
        }
    }

    public Delivery.Content decode(String kind, String json) {
        try {
            return switch (kind) {
                case HEADER -> mapper.readValue(json, Delivery.DigestHeader.class);
                case STORY -> new Delivery.Story(mapper.readValue(json, StoryBrief.class));
                case FOLLOW_UP -> mapper.readValue(json, Delivery.FollowUp.class);
                default -> throw new IllegalArgumentException("unknown outbox kind: " + kind);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("corrupt outbox payload of kind " + kind + ": " + e.getOriginalMessage(), e);
        }
    }

    private static StoryBrief withoutBodies(StoryBrief b) {
        return new StoryBrief(b.id(), b.headline(), b.articles().stream()
                .map(a -> new Article(a.id(), a.source(), a.title(), a.url(), a.published(), "")).toList(),
                b.summary(), b.agreements(), b.divergences());
    }
}
