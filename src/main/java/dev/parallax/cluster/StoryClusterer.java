package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incremental story clustering of a stream, with decisions that stay revisable nearby.
 *
 * <p>Each article is weighed by TF-IDF in two blocks (content words; names and numbers), with its title
 * and lead above the tail. Only the active stories that share one of its most weighted terms or names
 * (an inverted index) are scored against it, by centroid, never every stored article. The few stories
 * close enough form its neighbourhood; the article and their recent members are then re-clustered
 * together as a batch clusterer would ({@link Neighbourhood}: every pair, weights from the
 * neighbourhood itself, average linkage). The result replaces those stories: the article joins or opens
 * a story, and members that now belong elsewhere move (a split) or whole stories fold together (a
 * merge), reported as {@link StoryRepair}s so stored ids stay resolvable; a merge the article takes no
 * part in must hold on its own ({@link StoryBridges}), and a group whose reports follow two different
 * protagonists is split ({@link ProtagonistSplit}). Cost per article is bounded by
 * the neighbourhood (stories x members), not by the stream. Stories leave the working set when they
 * fall out of the time window or the working set is full.
 */
public final class StoryClusterer {
    private static final int MIN_WORDS = 5;
    private static final int LANGUAGE_CHECK_WORDS = 20;
    private static final double MIN_ENGLISH_SHARE = 0.04;
    private static final int TERM_KEYS = 10;
    private static final int NAME_KEYS = 6;
    // Two months away from a story's dates counts against it.
    private static final long FAR_DAYS = 60;
    // Names are rare in news at large: weigh them as if this many earlier reports had named none of them,
    // so that a fresh or short stream draws the same line as a long one (see FeatureSpace).
    private static final int NAME_PRIOR_REPORTS = 1_000;
    // Content words are weighed as if the stream held at least this many reports. In the first reports
    // of a stream a word they all share weighs far below a word one report alone uses (in 23 reports of
    // one topic, 1 against 3.5), so reports of one event looked apart and were split. A lasting prior
    // would also change long streams; the floor is gone once the stream is this long.
    private static final int TERM_FLOOR_REPORTS = 200;

    private final ClusterSettings settings;
    private final FeatureExtractor features;
    private final FeatureSpace termSpace = new FeatureSpace(0, TERM_FLOOR_REPORTS);
    private final FeatureSpace nameSpace = new FeatureSpace(NAME_PRIOR_REPORTS);
    private final Neighbourhood neighbourhood;
    private final StoryBridges bridges;
    private final ProtagonistSplit protagonists;
    private final WorkingSet active;
    private final SemanticSignal semantic;
    private final List<StoryRepair> repairs = new ArrayList<>();

    public StoryClusterer(ClusterSettings settings, TermAnalyzer analyzer) {
        this(settings, analyzer, SemanticSignal.NONE);
    }

    public StoryClusterer(ClusterSettings settings, TermAnalyzer analyzer, SemanticSignal semantic) {
        this.settings = settings;
        this.semantic = semantic;
        this.features = new FeatureExtractor(analyzer, settings.leadBoost(), settings.leadBoost(), settings.leadWords());
        this.neighbourhood = new Neighbourhood(termSpace, nameSpace, settings, semantic.weight());
        this.bridges = new StoryBridges(neighbourhood);
        this.protagonists = new ProtagonistSplit(settings.protagonistReports());
        this.active = new WorkingSet(settings.window(), settings.maxActive(), settings.maxCandidates());
    }

    /** Assigns the document to a story (existing or new) and says how; repairs it caused wait in drainRepairs. */
    public Assignment add(ClusterDocument doc) {
        FeatureExtractor.Counts counts = features.count(doc);
        String unfit = unfitReason(counts);
        if (unfit != null) {
            StoryState alone = open(doc.id(), true);
            alone.add(new StoryState.Member(doc.id(), ArticleVectors.NONE, doc.published()));
            active.trim();
            return new Assignment.Isolated(alone.id, unfit);
        }
        ArticleVectors v = vectors(counts, doc);
        StoryState.Member member = new StoryState.Member(doc.id(), v, doc.published());
        active.evictOlderThanWindow(doc.published());

        int[] keys = indexKeys(v);
        Map<StoryState, Double> near = new LinkedHashMap<>();
        for (StoryState story : active.candidates(keys)) {
            double score = similarity(v, story);
            if (score >= settings.neighbourhood()) {
                near.put(story, score);
            }
        }
        if (near.isEmpty()) {
            StoryState opened = open(doc.id(), false);
            join(opened, member);
            active.trim();
            return new Assignment.Opened(opened.id);
        }
        List<StoryState> stories = new ArrayList<>(near.keySet());
        stories.sort(Comparator.comparingDouble((StoryState s) -> -near.get(s)).thenComparing(s -> s.id));
        if (stories.size() > settings.stories()) {
            stories = new ArrayList<>(stories.subList(0, settings.stories()));
        }
        StoryState home = recluster(member, stories);
        active.trim();
        Double score = near.get(home);
        return score == null ? new Assignment.Opened(home.id) : new Assignment.Joined(home.id, score);
    }

    /**
     * Restores a known assignment (from the store at start-up, or another instance's) without deciding
     * anything; an article the story already holds is left as it is.
     */
    public void addKnown(ClusterDocument doc, String storyId) {
        StoryState story = active.get(storyId);
        if (story != null && story.articleIds.contains(doc.id())) {
            return;
        }
        FeatureExtractor.Counts counts = features.count(doc);
        if (story == null) {
            story = new StoryState(storyId, unfitReason(counts) != null);
            active.put(story);
            active.trim();
        }
        if (story.isolated) {
            story.add(new StoryState.Member(doc.id(), ArticleVectors.NONE, doc.published()));
            return;
        }
        join(story, new StoryState.Member(doc.id(), vectors(counts, doc), doc.published()));
    }

    /** Applies a merge another instance made: {@code fromId}'s articles join {@code intoId}; nothing is decided. */
    public void mergeKnown(String fromId, String intoId) {
        StoryState from = active.get(fromId);
        if (from == null || fromId.equals(intoId)) {
            return; // not held here (any of its articles that move later come as moves)
        }
        StoryState into = active.get(intoId);
        if (into == null) {
            into = new StoryState(intoId, from.isolated);
            active.put(into);
        }
        absorb(from, into);
        active.touch(into);
    }

    /** Applies a move another instance made (a split): the article leaves its story for {@code storyId}. */
    public void moveKnown(ClusterDocument doc, String storyId) {
        StoryState from = active.holding(doc.id());
        if (from != null && from.id.equals(storyId)) {
            return;
        }
        StoryState.Member kept = from == null ? null : from.member(doc.id());
        if (from != null) {
            // A member no longer kept in full cannot leave the centroid; only its id goes.
            if (kept != null) {
                from.remove(kept);
            } else {
                from.forget(doc.id());
            }
            if (from.size == 0) {
                active.remove(from);
            }
        }
        StoryState to = active.get(storyId);
        if (kept != null && to != null) {
            join(to, kept);
        } else if (kept != null) {
            StoryState opened = new StoryState(storyId, from.isolated);
            active.put(opened);
            join(opened, kept);
            active.trim();
        } else {
            addKnown(doc, storyId);
        }
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

    private ArticleVectors vectors(FeatureExtractor.Counts counts, ClusterDocument doc) {
        TermCounts terms = termSpace.learn(counts.terms());
        TermCounts names = nameSpace.learn(counts.names());
        int[] lead = counts.leadNames().stream().mapToInt(nameSpace::known).filter(id -> id >= 0).sorted().toArray();
        return new ArticleVectors(termSpace.weigh(terms), nameSpace.weigh(names), terms, names, day(doc),
                semantic.embed(doc), lead);
    }

    private static String unfitReason(FeatureExtractor.Counts counts) {
        if (counts.words() == 0) {
            return "empty article";
        }
        if (counts.words() < MIN_WORDS) {
            return "too short to compare (" + counts.words() + (counts.words() == 1 ? " word)" : " words)");
        }
        if (counts.words() >= LANGUAGE_CHECK_WORDS
                && (counts.englishShare() < MIN_ENGLISH_SHARE || counts.mostlyForeign())) {
            return "not English text";
        }
        if (counts.terms().isEmpty()) {
            return "no content words";
        }
        return null;
    }

    // Re-clusters the article with the recent members of its candidate stories; returns the article's story.
    private StoryState recluster(StoryState.Member article, List<StoryState> stories) {
        List<StoryState.Member> pool = new ArrayList<>();
        List<StoryState> owner = new ArrayList<>();
        pool.add(article);
        owner.add(null);
        for (StoryState s : stories) {
            List<StoryState.Member> kept = new ArrayList<>(s.members);
            for (StoryState.Member m : kept.subList(Math.max(0, kept.size() - settings.members()), kept.size())) {
                pool.add(m);
                owner.add(s);
            }
        }
        List<ArticleVectors> vectors = pool.stream().map(StoryState.Member::vectors).toList();
        int[] group = neighbourhood.groups(vectors);
        group = bridges.check(group, owner, vectors);
        group = protagonists.split(group, vectors);
        StoryState[] target = targets(group, owner, pool);

        // Members whose group went to another story move there; a story left without its id's group folds in.
        Map<StoryState, Map<StoryState, List<StoryState.Member>>> moves = new LinkedHashMap<>();
        for (int i = 1; i < pool.size(); i++) {
            StoryState to = target[group[i]];
            if (to != owner.get(i)) {
                moves.computeIfAbsent(owner.get(i), k -> new LinkedHashMap<>())
                        .computeIfAbsent(to, k -> new ArrayList<>()).add(pool.get(i));
            }
        }
        for (Map.Entry<StoryState, Map<StoryState, List<StoryState.Member>>> e : moves.entrySet()) {
            StoryState from = e.getKey();
            Map<StoryState, List<StoryState.Member>> byTarget = e.getValue();
            StoryState main = byTarget.entrySet().stream().max(Comparator.comparingInt(
                    (Map.Entry<StoryState, List<StoryState.Member>> t) -> t.getValue().size())).orElseThrow().getKey();
            boolean keepsId = isTarget(from, target);
            for (Map.Entry<StoryState, List<StoryState.Member>> t : byTarget.entrySet()) {
                List<String> ids = new ArrayList<>();
                for (StoryState.Member m : t.getValue()) {
                    from.remove(m);
                    join(t.getKey(), m);
                    ids.add(m.articleId());
                }
                if (keepsId || t.getKey() != main) {
                    repairs.add(new StoryRepair.Split(from.id, t.getKey().id, ids));
                }
            }
            if (!keepsId) {
                // No group took this story's id: what is left of it (older members) follows the majority.
                fold(from, main, byTarget.get(main).stream().map(StoryState.Member::articleId).toList());
            }
        }
        StoryState home = target[group[0]];
        join(home, article);
        return home;
    }

    private static boolean isTarget(StoryState story, StoryState[] target) {
        for (StoryState t : target) {
            if (t == story) {
                return true;
            }
        }
        return false;
    }

    // Each group takes the id of the story most of its members came from (largest overlaps first, one
    // group per story); a group no story claims is a new story.
    private StoryState[] targets(int[] group, List<StoryState> owner, List<StoryState.Member> pool) {
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        Map<StoryState, int[]> overlap = new LinkedHashMap<>();
        for (int i = 1; i < group.length; i++) {
            overlap.computeIfAbsent(owner.get(i), k -> new int[group.length])[group[i]]++;
        }
        record Claim(StoryState story, int group, int count) {
        }
        List<Claim> claims = new ArrayList<>();
        overlap.forEach((story, counts) -> {
            for (int g = 0; g < counts.length; g++) {
                if (counts[g] > 0) {
                    claims.add(new Claim(story, g, counts[g]));
                }
            }
        });
        claims.sort(Comparator.comparingInt((Claim c) -> -c.count()).thenComparing(c -> c.story().id)
                .thenComparingInt(Claim::group));
        StoryState[] target = new StoryState[groups];
        Map<StoryState, Boolean> used = new HashMap<>();
        for (Claim c : claims) {
            if (target[c.group()] == null && !used.containsKey(c.story())) {
                target[c.group()] = c.story();
                used.put(c.story(), true);
            }
        }
        for (int g = 0; g < groups; g++) {
            if (target[g] == null) {
                int first = firstOf(group, g);
                String opener = pool.get(first).articleId();
                target[g] = open(first == 0 ? opener : opener + "/split", false);
            }
        }
        return target;
    }

    private static int firstOf(int[] group, int g) {
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                return i;
            }
        }
        throw new IllegalStateException("empty group " + g);
    }

    // A story whose recent members all left follows them: the rest of it folds into where most went.
    private void fold(StoryState from, StoryState into, List<String> alreadyMoved) {
        List<String> moved = new ArrayList<>(alreadyMoved);
        moved.addAll(from.articleIds);
        absorb(from, into);
        repairs.add(new StoryRepair.Merged(from.id, into.id, moved));
    }

    // Everything the working set holds of one story goes to another, which takes its place.
    private void absorb(StoryState from, StoryState into) {
        active.remove(from);
        into.terms.addAll(from.terms);
        into.names.addAll(from.names);
        for (StoryState.Member m : from.members) {
            into.members.addLast(m);
            active.index(into, indexKeys(m.vectors()));
        }
        while (into.members.size() > StoryState.KEPT_MEMBERS) {
            into.members.removeFirst();
        }
        into.articleIds.addAll(from.articleIds);
        into.size += from.size;
        if (from.newest != null && (into.newest == null || from.newest.isAfter(into.newest))) {
            into.newest = from.newest;
        }
        into.firstDay = Math.min(into.firstDay, from.firstDay);
        into.lastDay = Math.max(into.lastDay, from.lastDay);
    }

    private double similarity(ArticleVectors v, StoryState story) {
        double termSim = story.terms.cosine(v.terms());
        double textSim = v.names().isEmpty() || story.names.isEmpty() ? termSim
                : (1 - settings.nameWeight()) * termSim + settings.nameWeight() * story.names.cosine(v.names());
        return textSim + dateEvidence(v.day(), story);
    }

    // Reports months away from a story's dates count against it. (Same days are no evidence here: in a
    // live feed every story in the window is from this week; the neighbourhood weighs shared weeks.)
    private double dateEvidence(long day, StoryState story) {
        if (day == ArticleVectors.NO_DAY || !story.dated()) {
            return 0;
        }
        long gap = day < story.firstDay ? story.firstDay - day : day > story.lastDay ? day - story.lastDay : 0;
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

    private void join(StoryState story, StoryState.Member m) {
        active.touch(story);
        story.add(m);
        active.index(story, indexKeys(m.vectors()));
    }
}
