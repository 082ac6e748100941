package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Incremental single-pass story clustering of a stream.
 *
 * <p>Each article is weighed by TF-IDF in two blocks (content words; names and numbers), with its title
 * and lead above the tail. Only the active stories that share one of its most weighted terms or names
 * (an inverted index) are scored, never every stored article. Dates (the feed's publish time, else a
 * dateline in the text) add evidence: reports on the same days count for a story, reports months apart
 * against it. The article joins the best story above the threshold or opens a new one. When an article
 * fits two stories, the two are checked for a merge; a growing story is checked for a split.
 * Stories leave the working set when they fall out of the time window or the working set is full.
 */
public final class StoryClusterer {
    private static final int MIN_WORDS = 5;
    private static final int LANGUAGE_CHECK_WORDS = 20;
    private static final double MIN_ENGLISH_SHARE = 0.04;
    private static final int TERM_KEYS = 10;
    private static final int NAME_KEYS = 6;
    // Within a week of a story's dates counts as the same days; two months away counts against it.
    private static final long NEAR_DAYS = 7;
    private static final long FAR_DAYS = 60;

    private final ClusterSettings settings;
    private final FeatureExtractor features;
    private final FeatureSpace termSpace = new FeatureSpace();
    private final FeatureSpace nameSpace = new FeatureSpace();
    private final WorkingSet active;
    private final List<StoryRepair> repairs = new ArrayList<>();

    public StoryClusterer(ClusterSettings settings, TermAnalyzer analyzer) {
        this.settings = settings;
        this.features = new FeatureExtractor(analyzer, settings.leadBoost(), settings.leadBoost(), settings.leadWords());
        this.active = new WorkingSet(settings.window(), settings.maxActive(), settings.maxCandidates());
    }

    /** Assigns the document to a story (existing or new) and says how. */
    public Assignment add(ClusterDocument doc) {
        FeatureExtractor.Counts counts = features.count(doc);
        String unfit = unfitReason(counts);
        if (unfit != null) {
            StoryState alone = open(doc.id(), true);
            alone.add(doc.id(), ArticleVectors.NONE, doc.published());
            return new Assignment.Isolated(alone.id, unfit);
        }
        ArticleVectors v = new ArticleVectors(termSpace.learnAndWeigh(counts.terms()),
                nameSpace.learnAndWeigh(counts.names()), day(doc));
        active.evictOlderThanWindow(doc.published());

        StoryState best = null;
        StoryState second = null;
        double bestScore = -1;
        double secondScore = -1;
        int[] keys = indexKeys(v);
        for (StoryState story : active.candidates(keys)) {
            double score = similarity(v, story);
            if (score > bestScore) {
                second = best;
                secondScore = bestScore;
                best = story;
                bestScore = score;
            } else if (score > secondScore) {
                second = story;
                secondScore = score;
            }
        }
        if (best == null || bestScore < required(best)) {
            StoryState opened = open(doc.id(), false);
            join(opened, doc, v, keys);
            return new Assignment.Opened(opened.id);
        }
        join(best, doc, v, keys);
        if (second != null && secondScore >= required(second)) {
            best = considerMerge(best, second);
        }
        if (best.size >= best.nextSplitCheck) {
            best.nextSplitCheck *= 2;
            considerSplit(best);
        }
        return new Assignment.Joined(best.id, bestScore);
    }

    /** Restores a known assignment (for example from the store at start-up) without deciding anything. */
    public void addKnown(ClusterDocument doc, String storyId) {
        FeatureExtractor.Counts counts = features.count(doc);
        StoryState story = active.get(storyId);
        if (story == null) {
            story = new StoryState(storyId, unfitReason(counts) != null);
            active.put(story);
        }
        if (story.isolated) {
            story.add(doc.id(), ArticleVectors.NONE, doc.published());
            return;
        }
        ArticleVectors v = new ArticleVectors(termSpace.learnAndWeigh(counts.terms()),
                nameSpace.learnAndWeigh(counts.names()), day(doc));
        join(story, doc, v, indexKeys(v));
    }

    /** Repairs made since the last call, oldest first; the caller applies them to what it stored. */
    public List<StoryRepair> drainRepairs() {
        List<StoryRepair> out = List.copyOf(repairs);
        repairs.clear();
        return out;
    }

    public int activeStories() {
        return active.size();
    }

    /** Distinct content words and names known, for memory accounting. */
    public int vocabulary() {
        return termSpace.vocabulary() + nameSpace.vocabulary();
    }

    /** A stable, short story id derived from the article that opened the story. */
    public static String storyIdFor(String firstArticleId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(firstArticleId.getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unfitReason(FeatureExtractor.Counts counts) {
        if (counts.words() == 0) {
            return "empty article";
        }
        if (counts.words() < MIN_WORDS) {
            return "too short to compare (" + counts.words() + (counts.words() == 1 ? " word)" : " words)");
        }
        if (counts.words() >= LANGUAGE_CHECK_WORDS && counts.englishShare() < MIN_ENGLISH_SHARE) {
            return "not English text";
        }
        if (counts.terms().isEmpty()) {
            return "no content words";
        }
        return null;
    }

    // The bar an article must clear to join this story. (A bar rising with story size, and the story's
    // own cohesion as a bar, both scored worse in cross-validation: singletons are where errors start.)
    private double required(StoryState story) {
        return settings.threshold();
    }

    private double similarity(ArticleVectors v, StoryState story) {
        double termSim = story.terms.cosine(v.terms());
        double textSim = v.names().isEmpty() || story.names.isEmpty() ? termSim
                : (1 - settings.nameWeight()) * termSim + settings.nameWeight() * story.names.cosine(v.names());
        return textSim + dateEvidence(v.day(), story);
    }

    // Reports on the same days count for a story, reports months apart against it; unknown dates are neutral.
    private double dateEvidence(long day, StoryState story) {
        if (day == ArticleVectors.NO_DAY || !story.dated()) {
            return 0;
        }
        if (day >= story.firstDay - NEAR_DAYS && day <= story.lastDay + NEAR_DAYS) {
            return settings.dateWeight();
        }
        long gap = day < story.firstDay ? story.firstDay - day : day - story.lastDay;
        return gap > FAR_DAYS ? -settings.dateWeight() : 0;
    }

    private static long day(ClusterDocument doc) {
        if (doc.published() != null) {
            return doc.published().getEpochSecond() / 86_400;
        }
        java.time.LocalDate d = TextDates.of(doc.text().length() > FeatureExtractor.MAX_CHARS
                ? doc.text().substring(0, FeatureExtractor.MAX_CHARS) : doc.text());
        return d == null ? ArticleVectors.NO_DAY : d.toEpochDay();
    }

    // The article's most weighted terms (even keys) and names (odd keys): a story must share one.
    private static int[] indexKeys(ArticleVectors v) {
        int[] t = v.terms().top(TERM_KEYS);
        int[] n = v.names().top(NAME_KEYS);
        int[] keys = new int[t.length + n.length];
        for (int i = 0; i < t.length; i++) {
            keys[i] = t[i] * 2;
        }
        for (int i = 0; i < n.length; i++) {
            keys[t.length + i] = n[i] * 2 + 1;
        }
        return keys;
    }

    private StoryState open(String articleId, boolean isolated) {
        String id = storyIdFor(articleId);
        if (active.contains(id)) {
            id = storyIdFor(articleId + "#" + active.size());
        }
        StoryState s = new StoryState(id, isolated);
        active.put(s);
        return s;
    }

    private void join(StoryState story, ClusterDocument doc, ArticleVectors v, int[] keys) {
        active.touch(story);
        story.add(doc.id(), v, doc.published());
        active.index(story, keys);
    }

    private void index(StoryState story, ArticleVectors v) {
        active.index(story, indexKeys(v));
    }

    // Two stories an article fits equally well may be one event seen from two sides: fold if they agree.
    private StoryState considerMerge(StoryState a, StoryState b) {
        double termSim = a.terms.cosineTo(b.terms);
        double nameSim = a.names.isEmpty() || b.names.isEmpty() ? termSim : a.names.cosineTo(b.names);
        double sim = (1 - settings.nameWeight()) * termSim + settings.nameWeight() * nameSim;
        if (sim < settings.mergeThreshold()) {
            return a;
        }
        StoryState into = a.size >= b.size ? a : b;
        StoryState from = into == a ? b : a;
        List<String> moved = List.copyOf(from.articleIds);
        active.remove(from);
        into.terms.addAll(from.terms);
        into.names.addAll(from.names);
        for (StoryState.Member m : from.members) {
            into.members.addLast(m);
            index(into, m.vectors());
        }
        while (into.members.size() > StoryState.KEPT_MEMBERS) {
            into.members.removeFirst();
        }
        into.articleIds.addAll(moved);
        into.size += from.size;
        if (from.newest != null && (into.newest == null || from.newest.isAfter(into.newest))) {
            into.newest = from.newest;
        }
        into.firstDay = Math.min(into.firstDay, from.firstDay);
        into.lastDay = Math.max(into.lastDay, from.lastDay);
        repairs.add(new StoryRepair.Merged(from.id, into.id, moved));
        return into;
    }

    // Two-means over the kept members: if the halves are far apart, the smaller half becomes its own story.
    private void considerSplit(StoryState story) {
        List<StoryState.Member> members = new ArrayList<>(story.members);
        if (members.size() < 4 || settings.splitThreshold() <= 0) {
            return;
        }
        // Seeds: the member least like the story, then the member least like that one.
        StoryState.Member seedA = members.stream().min(Comparator.comparingDouble(
                m -> similarity(m.vectors(), story))).orElseThrow();
        StoryState.Member seedB = members.stream().min(Comparator.comparingDouble(
                m -> pairSimilarity(m.vectors(), seedA.vectors()))).orElseThrow();
        if (seedA == seedB) {
            return;
        }
        List<StoryState.Member> a = new ArrayList<>();
        List<StoryState.Member> b = new ArrayList<>();
        StoryState ca = scratch(List.of(seedA));
        StoryState cb = scratch(List.of(seedB));
        for (int round = 0; round < 4; round++) {
            a.clear();
            b.clear();
            for (StoryState.Member m : members) {
                (similarity(m.vectors(), ca) >= similarity(m.vectors(), cb) ? a : b).add(m);
            }
            if (a.isEmpty() || b.isEmpty()) {
                return;
            }
            ca = scratch(a);
            cb = scratch(b);
        }
        if (a.size() < 2 || b.size() < 2) {
            return;
        }
        double termSim = ca.terms.cosineTo(cb.terms);
        double nameSim = ca.names.isEmpty() || cb.names.isEmpty() ? termSim : ca.names.cosineTo(cb.names);
        double sim = (1 - settings.nameWeight()) * termSim + settings.nameWeight() * nameSim;
        if (sim >= settings.splitThreshold()) {
            return;
        }
        List<StoryState.Member> leaving = a.size() < b.size() ? a : b;
        // The half holding the story's first kept article keeps the id that chat messages point to.
        if (leaving.contains(members.get(0)) && story.members.size() == story.size) {
            leaving = leaving == a ? b : a;
        }
        rebuildWithout(story, leaving);
    }

    private void rebuildWithout(StoryState story, List<StoryState.Member> leaving) {
        Set<String> leavingIds = new HashSet<>();
        leaving.forEach(m -> leavingIds.add(m.articleId()));
        List<StoryState.Member> staying = story.members.stream().filter(m -> !leavingIds.contains(m.articleId()))
                .toList();
        // The old story is rebuilt from the members it keeps (older, unkept articles stay in its centroid).
        StoryState rebuilt = new StoryState(story.id, false);
        rebuilt.nextSplitCheck = story.nextSplitCheck;
        for (String id : story.articleIds) {
            if (!leavingIds.contains(id)) {
                rebuilt.articleIds.add(id);
            }
        }
        // Articles no longer kept in full stay in the centroid: the old sum minus every kept member.
        boolean partial = story.members.size() < story.size;
        for (StoryState.Member m : staying) {
            rebuilt.terms.add(m.vectors().terms(), 1.0);
            rebuilt.names.add(m.vectors().names(), 1.0);
            rebuilt.members.addLast(m);
        }
        if (partial) {
            rebuilt.terms.addAll(story.terms);
            rebuilt.names.addAll(story.names);
            for (StoryState.Member m : story.members) {
                rebuilt.terms.add(m.vectors().terms(), -1.0);
                rebuilt.names.add(m.vectors().names(), -1.0);
            }
        }
        rebuilt.size = story.size - leaving.size();
        rebuilt.newest = story.newest;
        rebuilt.firstDay = story.firstDay;
        rebuilt.lastDay = story.lastDay;
        active.put(rebuilt);
        for (StoryState.Member m : staying) {
            index(rebuilt, m.vectors());
        }
        StoryState split = open(leaving.get(0).articleId() + "/split", false);
        for (StoryState.Member m : leaving) {
            split.add(m.articleId(), m.vectors(), null);
            index(split, m.vectors());
        }
        split.newest = story.newest;
        repairs.add(new StoryRepair.Split(story.id, split.id, List.copyOf(leavingIds.stream()
                .sorted().toList())));
    }

    private StoryState scratch(List<StoryState.Member> members) {
        StoryState s = new StoryState("", false);
        for (StoryState.Member m : members) {
            s.terms.add(m.vectors().terms(), 1.0);
            s.names.add(m.vectors().names(), 1.0);
        }
        return s;
    }

    private double pairSimilarity(ArticleVectors x, ArticleVectors y) {
        double termSim = x.terms().dot(y.terms());
        if (x.names().isEmpty() || y.names().isEmpty()) {
            return termSim;
        }
        return (1 - settings.nameWeight()) * termSim + settings.nameWeight() * x.names().dot(y.names());
    }
}
