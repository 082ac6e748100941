package dev.parallax.schedule;

import dev.parallax.chat.Delivery;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.Digest;
import dev.parallax.digest.DigestService;
import dev.parallax.digest.StoryBrief;
import dev.parallax.store.ChannelRow;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxItem;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.StoryMark;
import dev.parallax.store.StoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a channel's digest for a period and queues it in the outbox: a header listing the new
 * stories, one message per story in its thread, and a "what changed" follow-up for each story the
 * channel already received that gained outlets or changed divergences. Everything of one period
 * is queued in one transaction with the channel's new period, under idempotency keys.
 */
public final class ChannelDigestService {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDigestService.class);

    private final ChannelStore channels;
    private final StoryStore stories;
    private final OutboxStore outbox;
    private final DigestService digests;
    private final DigestPlanner planner;
    private final DeliveryCodec codec = new DeliveryCodec();
    private final InstantSource clock;
    private final Duration firstLookBack;

    public ChannelDigestService(ChannelStore channels, StoryStore stories, OutboxStore outbox, DigestService digests,
                                DigestPlanner planner, InstantSource clock, Duration firstLookBack) {
        this.channels = channels;
        this.stories = stories;
        this.outbox = outbox;
        this.digests = digests;
        this.planner = planner;
        this.clock = clock;
        this.firstLookBack = firstLookBack;
    }

    /** Runs the channel's schedule: builds the due period, skips a stale one, or does nothing. */
    public DigestPlan runDue(String channelId) {
        Optional<ChannelRow> found = channels.find(channelId);
        if (found.isEmpty() || !found.get().enabled() || found.get().schedule() == null) {
            return new DigestPlan.NotDue(Instant.MAX);
        }
        ChannelRow channel = found.get();
        DigestPlan plan = planner.plan(DigestSchedule.parse(channel.schedule(), channel.zone()), channel.lastPeriod());
        if (plan instanceof DigestPlan.Due due) {
            int stories = build(channel, due.period());
            LOG.info("channel={} period={} digest built with {} messages", channelId, due.period(), stories);
        } else if (plan instanceof DigestPlan.Skip skip) {
            channels.skipTo(channelId, skip.period());
            LOG.warn("channel={} period={} missed by {}, beyond the grace period: skipped", channelId, skip.period(),
                    skip.late());
        }
        return plan;
    }

    /** Builds a digest for this moment, outside the schedule ("digest now"); returns the stories queued. */
    public int buildNow(String channelId) {
        ChannelRow channel = channels.find(channelId)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + channelId));
        return build(channel, clock.instant());
    }

    private int build(ChannelRow channel, Instant period) {
        Map<String, StoryMark> shown = outbox.marks(channel.id());
        Instant since = shown.isEmpty() ? period.minus(firstLookBack) : channel.lastPeriod();
        Digest digest = digests.build(stories.changedSince(since));
        String periodKey = channel.id() + "|" + period;
        String headerKey = periodKey + "|header";
        List<OutboxItem> items = new ArrayList<>();
        List<StoryMark> marks = new ArrayList<>();
        List<Delivery.StoryLine> lines = new ArrayList<>();
        for (StoryBrief brief : digest.stories()) {
            if (!matchesTopics(brief, channel)) {
                continue;
            }
            String signature = divergenceSignature(brief);
            StoryMark before = shown.get(brief.id());
            if (before == null) {
                String key = periodKey + "|story|" + brief.id();
                items.add(new OutboxItem(key, headerKey, DeliveryCodec.STORY, codec.encode(new Delivery.Story(brief))));
                marks.add(new StoryMark(brief.id(), key, brief.articles().size(), signature));
                lines.add(new Delivery.StoryLine(brief.id(), brief.headline(), brief.articles().size(),
                        brief.divergences().size()));
            } else if (brief.articles().size() > before.outlets() || !signature.equals(before.divergenceSignature())) {
                String text = whatChanged(brief, before, signature);
                String key = channel.id() + "|followup|" + brief.id() + "|" + brief.articles().size() + "|" + signature;
                items.add(new OutboxItem(key, before.messageKey(), DeliveryCodec.FOLLOW_UP,
                        codec.encode(new Delivery.FollowUp(brief.id(), text))));
                marks.add(new StoryMark(brief.id(), before.messageKey(), brief.articles().size(), signature));
            }
        }
        if (!lines.isEmpty()) {
            String title = "Parallax digest: " + lines.size() + (lines.size() == 1 ? " story" : " stories");
            items.add(0, new OutboxItem(headerKey, null, DeliveryCodec.HEADER,
                    codec.encode(new Delivery.DigestHeader(title, lines))));
        }
        outbox.enqueue(channel.id(), period, items, marks);
        return lines.size();
    }

    private static boolean matchesTopics(StoryBrief brief, ChannelRow channel) {
        StringBuilder text = new StringBuilder(brief.headline());
        brief.summary().forEach(s -> text.append(' ').append(s.text()));
        brief.articles().forEach(a -> text.append(' ').append(a.title()));
        String lower = text.toString().toLowerCase(Locale.ROOT);
        boolean included = channel.include().isEmpty()
                || channel.include().stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
        boolean excluded = channel.exclude().stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
        return included && !excluded;
    }

    // The divergences as a stable text: what they are about and the values on each side.
    static String divergenceSignature(StoryBrief brief) {
        TreeSet<String> parts = new TreeSet<>();
        for (Divergence d : brief.divergences()) {
            TreeSet<String> values = new TreeSet<>();
            d.values().forEach(v -> values.add(v.value() + "=" + v.sources().size()));
            parts.add(d.about() + ":" + values);
        }
        return Integer.toHexString(String.join(";", parts).hashCode());
    }

    private static String whatChanged(StoryBrief brief, StoryMark before, String signature) {
        List<String> notes = new ArrayList<>();
        int added = brief.articles().size() - before.outlets();
        if (added > 0) {
            List<String> newest = brief.articles().subList(before.outlets(), brief.articles().size()).stream()
                    .map(a -> a.source().isBlank() ? a.id() : a.source()).toList();
            notes.add(added + (added == 1 ? " new outlet: " : " new outlets: ") + String.join(", ", newest));
        }
        if (!signature.equals(before.divergenceSignature())) {
            notes.add(brief.divergences().isEmpty() ? "the sources no longer diverge"
                    : "where sources diverge now: " + String.join("; ",
                    brief.divergences().stream().map(Divergence::about).toList()));
        }
        return "Update on \"" + brief.headline() + "\": " + String.join(". ", notes) + ".";
    }
}
