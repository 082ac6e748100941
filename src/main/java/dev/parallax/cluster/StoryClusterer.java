package dev.parallax.cluster;

import dev.parallax.text.TermAnalyzer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental single-pass story clustering. Each article is weighed by TF-IDF (content words and,
 * separately, names and numbers), compared with the centroids of the active stories that share a
 * term with it (an inverted index, never every stored article), and joins the most similar one
 * above the threshold or opens a new story. Stories leave the working set when they fall out of
 * the time window or the working set is full.
 */
public final class StoryClusterer {
    private final ClusterSettings settings;
    private final FeatureExtractor features;
    private final DocumentFrequencies termDf = new DocumentFrequencies();
    private final DocumentFrequencies nameDf = new DocumentFrequencies();
    // Insertion order = least recently grown first, for eviction.
    private final LinkedHashMap<String, StoryState> active = new LinkedHashMap<>();
    private final Map<String, Set<String>> storiesByTerm = new HashMap<>();

    public StoryClusterer(ClusterSettings settings, TermAnalyzer analyzer) {
        this.settings = settings;
        this.features = new FeatureExtractor(analyzer);
    }

    private static final class StoryState {
        final String id;
        final SparseVector terms = new SparseVector();
        final SparseVector names = new SparseVector();
        final Set<String> indexKeys = new HashSet<>();
        Instant newest;

        StoryState(String id) {
            this.id = id;
        }
    }

    /** Assigns the document to a story (existing or new) and returns the story id. */
    public String add(ClusterDocument doc) {
        Weighted w = weigh(doc);
        evictOld(doc.published());
        StoryState best = null;
        double bestScore = settings.threshold();
        for (StoryState story : candidates(w)) {
            double score = similarity(w, story);
            if (score >= bestScore) {
                best = story;
                bestScore = score;
            }
        }
        if (best == null) {
            best = new StoryState(storyIdFor(doc.id()));
            active.put(best.id, best);
        }
        join(best, w, doc.published());
        return best.id;
    }

    /** Restores a known assignment (for example from the store at start-up) without deciding anything. */
    public void addKnown(ClusterDocument doc, String storyId) {
        Weighted w = weigh(doc);
        StoryState story = active.computeIfAbsent(storyId, StoryState::new);
        join(story, w, doc.published());
    }

    public int activeStories() {
        return active.size();
    }

    /** A stable, short story id derived from the article that opened the story. */
    public static String storyIdFor(String firstArticleId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(firstArticleId.getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Weighted(SparseVector terms, SparseVector names) {
    }

    private Weighted weigh(ClusterDocument doc) {
        FeatureExtractor.Counts counts = features.count(doc);
        termDf.add(counts.terms().keySet());
        nameDf.add(counts.names().keySet());
        return new Weighted(tfidf(counts.terms(), termDf), tfidf(counts.names(), nameDf));
    }

    private static SparseVector tfidf(Map<String, Double> counts, DocumentFrequencies df) {
        SparseVector v = new SparseVector();
        counts.forEach((term, tf) -> v.add(term, (1 + Math.log(tf)) * df.idf(term)));
        return v.normalize();
    }

    private double similarity(Weighted w, StoryState story) {
        double termSim = cosine(w.terms, story.terms);
        double nameSim = w.names.isEmpty() || story.names.isEmpty() ? termSim : cosine(w.names, story.names);
        return (1 - settings.nameWeight()) * termSim + settings.nameWeight() * nameSim;
    }

    private static double cosine(SparseVector unit, SparseVector centroidSum) {
        double n = centroidSum.norm();
        return n == 0 ? 0 : unit.dot(centroidSum) / n;
    }

    private List<StoryState> candidates(Weighted w) {
        Set<String> ids = new HashSet<>();
        for (String key : indexKeys(w)) {
            Set<String> s = storiesByTerm.get(key);
            if (s != null) {
                ids.addAll(s);
            }
        }
        List<StoryState> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            StoryState s = active.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    // The document's most weighted terms and names: a story must share one of them to be compared.
    private static Set<String> indexKeys(Weighted w) {
        Set<String> keys = new HashSet<>();
        top(w.terms, 12).forEach(t -> keys.add("t:" + t));
        top(w.names, 8).forEach(t -> keys.add("n:" + t));
        return keys;
    }

    private static List<String> top(SparseVector v, int n) {
        return v.weights().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private void join(StoryState story, Weighted w, Instant published) {
        active.remove(story.id);
        active.put(story.id, story); // now the most recently grown
        story.terms.addAll(w.terms, 1.0);
        story.names.addAll(w.names, 1.0);
        for (String key : indexKeys(w)) {
            if (story.indexKeys.add(key)) {
                storiesByTerm.computeIfAbsent(key, k -> new HashSet<>()).add(story.id);
            }
        }
        if (published != null && (story.newest == null || published.isAfter(story.newest))) {
            story.newest = published;
        }
        while (active.size() > settings.maxActive()) {
            remove(active.keySet().iterator().next());
        }
    }

    private void evictOld(Instant now) {
        if (now == null) {
            return;
        }
        Instant horizon = now.minus(settings.window());
        List<String> old = new ArrayList<>();
        for (StoryState s : active.values()) {
            if (s.newest != null && s.newest.isBefore(horizon)) {
                old.add(s.id);
            }
        }
        old.forEach(this::remove);
    }

    private void remove(String storyId) {
        StoryState s = active.remove(storyId);
        if (s == null) {
            return;
        }
        for (String key : s.indexKeys) {
            Set<String> ids = storiesByTerm.get(key);
            if (ids != null) {
                ids.remove(storyId);
                if (ids.isEmpty()) {
                    storiesByTerm.remove(key);
                }
            }
        }
    }
}
