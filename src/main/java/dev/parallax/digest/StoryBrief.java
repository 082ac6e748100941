package dev.parallax.digest;

import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.util.List;

/**
 * Everything a digest shows about one story: its summary, what the sources agree on (most backed
 * first; those only one source states are marked by {@link Agreement#singleSource()}) and where
 * they diverge.
 */
public record StoryBrief(String id, String headline, List<Article> articles, List<SummarySentence> summary,
                         List<Agreement> agreements, List<Divergence> divergences) {
    /** The agreements two or more sources back: what renderers show as "Sources agree". */
    public List<Agreement> sharedAgreements() {
        return agreements.stream().filter(a -> !a.singleSource()).toList();
    }

    /** The claims only one source makes: never shown as an agreement, but apart, as "Only one source says". */
    public List<Agreement> singleSourceClaims() {
        return agreements.stream().filter(Agreement::singleSource).toList();
    }
}
