package dev.parallax.schedule;

import dev.parallax.chat.Delivery;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.BriefCache;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.store.ChannelRow;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.OutboxItem;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.StoryMark;
import dev.parallax.store.StoryStore;
import dev.parallax.store.SubscriptionStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a channel's digest and queues it in the outbox: a header listing the stories new to the
 * channel, one message per story in the header's thread, and one "what changed" follow-up in the
 * thread of each story the channel already received that gained outlets or whose divergences
 * changed. It covers the stories that changed since the channel's last digest (only those of the
 * feeds it follows, when it follows any); what the channel was shown is recorded with the
 * messages, in one transaction, under idempotency keys.
 */
public final class ChannelDigestService {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelDigestService.class);
    // Stories touched while the last digest was being built are looked at again; marks make that harmless.
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 3;

    private final ChannelStore channels;
    private final StoryStore stories;
    private final SubscriptionStore subscriptions;
    private final OutboxStore outbox;
    private final BriefCache briefs;
    private final DigestPlanner planner;
    private final InstantSource clock;
    private final Duration firstLookBack;
    private final Consumer<Built> onBuilt;
    private final DeliveryCodec codec = new DeliveryCodec();

    /** A digest queued for a channel: its period (null when on demand), new stories and follow-ups. */
    public record Built(String channelId, Instant period, int stories, int followUps) {
        public boolean empty() {
            return stories == 0 && followUps == 0;
        }
    }

    public ChannelDigestService(ChannelStore channels, StoryStore stories, SubscriptionStore subscriptions,
                                OutboxStore outbox, BriefCache briefs, DigestPlanner planner, InstantSource clock,
                                Duration firstLookBack, Consumer<Built> onBuilt) {
        this.channels = channels;
        this.stories = stories;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.briefs = briefs;
        this.planner = planner;
        this.clock = clock;
        this.firstLookBack = firstLookBack;
        this.onBuilt = onBuilt;
    }

    /** Runs the channel's schedule: builds the due period, skips a stale one, or does nothing. */
    public DigestPlan runDue(String channelId) {
        Optional<ChannelRow> found = channels.find(channelId);
        if (found.isEmpty() || !found.get().enabled() || found.get().schedule() == null) {
            return new DigestPlan.NotDue(Instant.MAX);
        }
        ChannelRow channel = found.get();
        DigestSchedule schedule;
        try {
            schedule = DigestSchedule.parse(channel.schedule(), channel.zone());
        } catch (IllegalArgumentException e) {
            LOG.error("channel={} has an invalid schedule, no digest: {}", channelId, e.getMessage());
            return new DigestPlan.NotDue(Instant.MAX);
        }
        DigestPlan plan = planner.plan(schedule, channel.lastPeriod());
        if (plan instanceof DigestPlan.Due due) {
            if (due.firstMissed().isBefore(due.period())) {
                LOG.warn("channel={} missed periods from {} folded into the digest of {}", channelId,
                        due.firstMissed(), due.period());
            }
            Built built = build(channelId, due.period());
            LOG.info("channel={} period={} late={} digest queued: {} new stories, {} follow-ups", channelId,
                    due.period(), due.late(), built.stories(), built.followUps());
        } else if (plan instanceof DigestPlan.Skip skip) {
            channels.skipTo(channelId, skip.upTo());
            LOG.warn("channel={} period={} missed by {}, beyond the grace period: skipped", channelId,
                    skip.firstMissed(), skip.late());
        }
        return plan;
    }

    /** Builds a digest now, outside the schedule ("digest now", {@code run --once}). */
    public Built buildNow(String channelId) {
        Built built = build(channelId, null);
        LOG.info("channel={} digest on demand queued: {} new stories, {} follow-ups", channelId, built.stories(),
                built.followUps());
        return built;
    }

    private Built build(String channelId, Instant period) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ChannelRow channel = channels.find(channelId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + channelId));
            Instant now = clock.instant();
            Draft draft = draft(channel, period, now);
            OutboxStore.Batch batch = new OutboxStore.Batch(channelId, channel.digestCount(), period, now,
                    draft.items, draft.marks);
            if (outbox.enqueue(batch) instanceof OutboxStore.EnqueueOutcome.Queued) {
                Built built = new Built(channelId, period, draft.stories, draft.followUps);
                onBuilt.accept(built);
                return built;
            }
            LOG.info("channel={} another digest was built at the same time; building again", channelId);
        }
        throw new IllegalStateException("channel " + channelId + ": concurrent digests kept getting in first");
    }

    private static final class Draft {
        final List<OutboxItem> items = new ArrayList<>();
        final List<StoryMark> marks = new ArrayList<>();
        int stories;
        int followUps;
    }

    private Draft draft(ChannelRow channel, Instant period, Instant now) {
        Instant since = channel.lastDigestAt() == null ? now.minus(firstLookBack) : channel.lastDigestAt().minus(OVERLAP);
        Map<String, StoryMark> shown = outbox.marks(channel.id());
        TopicFilter topics = new TopicFilter(channel.include(), channel.exclude());
        String periodKey = channel.id() + "|" + (period != null ? period.toString() : "now-" + now);
        String headerKey = periodKey + "|header";
        Draft draft = new Draft();
        List<Delivery.StoryLine> lines = new ArrayList<>();
        for (StoryBrief brief : briefs.of(candidates(channel.id(), since))) {
            if (!topics.matches(topicText(brief))) {
                continue;
            }
            List<String> outlets = outlets(brief);
            String signature = divergenceSignature(brief);
            StoryMark before = shown.get(brief.id());
            if (before == null) {
                String key = periodKey + "|story|" + brief.id();
                draft.items.add(codec.item(key, headerKey, new Delivery.Story(brief)));
                draft.marks.add(new StoryMark(brief.id(), key, outlets, signature));
                lines.add(new Delivery.StoryLine(brief.id(), brief.headline(), outlets.size(),
                        brief.divergences().size()));
                draft.stories++;
                continue;
            }
            List<String> added = outlets.stream().filter(o -> !before.outlets().contains(o)).toList();
            boolean diverged = !signature.equals(before.divergenceSignature());
            if (added.isEmpty() && !diverged) {
                continue;
            }
            String key = periodKey + "|followup|" + brief.id();
            String text = whatChanged(brief, added, diverged);
            draft.items.add(codec.item(key, before.messageKey(), new Delivery.FollowUp(brief.id(), text)));
            Set<String> union = new LinkedHashSet<>(before.outlets());
            union.addAll(outlets);
            draft.marks.add(new StoryMark(brief.id(), before.messageKey(), List.copyOf(union), signature));
            draft.followUps++;
        }
        if (!lines.isEmpty()) {
            String title = "Parallax digest: " + lines.size() + (lines.size() == 1 ? " story" : " stories");
            draft.items.add(0, codec.item(headerKey, null, new Delivery.DigestHeader(title, lines)));
        }
        return draft;
    }

    // A channel that follows feeds gets the stories with an article from them (every outlet of such a
    // story still shows, for the divergences); one that follows none gets every story.
    private List<String> candidates(String channelId, Instant since) {
        List<String> changed = stories.changedSince(since);
        if (changed.isEmpty() || !subscriptions.followsAny(channelId)) {
            return changed;
        }
        Set<String> followed = subscriptions.storiesFollowed(channelId, changed);
        return changed.stream().filter(followed::contains).toList();
    }

    private static String topicText(StoryBrief brief) {
        StringBuilder text = new StringBuilder(brief.headline());
        brief.summary().forEach(s -> text.append('\n').append(s.text()));
        brief.articles().forEach(a -> text.append('\n').append(a.title()));
        return text.toString();
    }

    /** The outlets covering a story, each once, in the order they joined it. */
    static List<String> outlets(StoryBrief brief) {
        Set<String> names = new LinkedHashSet<>();
        for (Article a : brief.articles()) {
            names.add(a.source().isBlank() ? a.id() : a.source());
        }
        return List.copyOf(names);
    }

    /** The divergences as a stable text: what they are about and the values on each side. */
    static String divergenceSignature(StoryBrief brief) {
        TreeSet<String> parts = new TreeSet<>();
        for (Divergence d : brief.divergences()) {
            TreeSet<String> values = new TreeSet<>();
            d.values().forEach(v -> values.add(v.value() + "=" + v.sources().size()));
            parts.add(d.about() + ":" + values);
        }
        return String.join(";", parts);
    }

    private static String whatChanged(StoryBrief brief, List<String> added, boolean diverged) {
        List<String> notes = new ArrayList<>();
        if (!added.isEmpty()) {
            notes.add(added.size() + (added.size() == 1 ? " new outlet: " : " new outlets: ") + String.join(", ", added));
        }
        if (diverged) {
            notes.add(brief.divergences().isEmpty() ? "the sources no longer diverge"
                    : "where sources diverge now: " + String.join("; ",
                    brief.divergences().stream().map(Divergence::about).toList()));
        }
        return "Update on \"" + brief.headline() + "\": " + String.join(". ", notes) + ".";
    }
}
