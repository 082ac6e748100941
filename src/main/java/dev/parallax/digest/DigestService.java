package dev.parallax.digest;

import dev.parallax.claims.Claim;
import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.StoredClaim;
import dev.parallax.store.StoryStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a digest of the given stories from the store, keeping each article's claims as it goes. */
public final class DigestService {
    private final ArticleStore articles;
    private final StoryStore stories;
    private final ClaimStore claims;
    private final StoryAnalyzer analyzer;

    public DigestService(ArticleStore articles, StoryStore stories, ClaimStore claims, StoryAnalyzer analyzer) {
        this.articles = articles;
        this.stories = stories;
        this.claims = claims;
        this.analyzer = analyzer;
    }

    public Digest build(Collection<String> storyIds) {
        List<StoryBrief> briefs = new ArrayList<>();
        for (String storyId : new LinkedHashSet<>(storyIds)) {
            List<Article> members = articles.byIds(stories.articleIds(storyId));
            if (members.isEmpty()) {
                continue;
            }
            List<Claim> found = analyzer.claims(members);
            keep(members, found);
            StoryBrief brief = analyzer.brief(storyId, members, found);
            stories.setHeadline(storyId, brief.headline());
            briefs.add(brief);
        }
        briefs.sort(Comparator.comparingInt((StoryBrief b) -> -b.articles().size()).thenComparing(StoryBrief::id));
        return new Digest(briefs);
    }

    /** Stories of the given articles, in the articles' order. */
    public List<String> storiesOf(List<String> articleIds, Map<String, String> storyByArticle) {
        Set<String> ids = new LinkedHashSet<>();
        for (String a : articleIds) {
            String s = storyByArticle.get(a);
            if (s != null) {
                ids.add(s);
            }
        }
        return List.copyOf(ids);
    }

    private void keep(List<Article> members, List<Claim> found) {
        Map<String, List<StoredClaim>> byArticle = found.stream().collect(Collectors.groupingBy(Claim::articleId,
                Collectors.mapping(c -> new StoredClaim(c.articleId(), c.kind().name(), c.subject(),
                        c.value().canonical(), c.surface(), c.sentence()), Collectors.toList())));
        for (Article a : members) {
            claims.replace(a.id(), byArticle.getOrDefault(a.id(), List.of()));
        }
    }
}
