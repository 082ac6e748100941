package dev.parallax.chat;

import dev.parallax.digest.StoryBrief;
import java.util.List;

/**
 * One message to post, as the outbox hands it to a platform adapter.
 *
 * @param channel        where it goes
 * @param idempotencyKey unique per message (channel, digest period, story); adapters that can,
 *                       pass it to the platform so a retried send is not shown twice
 * @param threadParent   the platform's id of the message this one replies under, or null
 * @param content        what to post; the adapter renders it within its platform's limits
 */
public record Delivery(ChannelRef channel, String idempotencyKey, String threadParent, Content content) {

    /** What a delivery carries. */
    public sealed interface Content {
    }

    /** The digest's parent message: the list of stories of this period. */
    public record DigestHeader(String title, List<StoryLine> stories) implements Content {
    }

    /** One line of the header: a story id, its headline and how many outlets and divergences it has. */
    public record StoryLine(String storyId, String headline, int outlets, int divergences) {
    }

    /** A story in full (summary, agreements, divergences), posted in the digest's thread. */
    public record Story(StoryBrief brief) implements Content {
    }

    /** A short "what changed" note in the thread of a story the channel already received. */
    public record FollowUp(String storyId, String text) implements Content {
    }
}
