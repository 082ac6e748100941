package dev.parallax.summarize.llm;

import dev.parallax.model.Article;
import dev.parallax.summarize.StorySummarizer;
import dev.parallax.summarize.StorySummary;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.summarize.SummarySentence;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A story summary written by an LLM, kept only where the sources back it: a sentence with a number,
 * date or name that no source has is dropped (and reported), and so is one that no source states
 * in most of its words. On any failure, or when nothing survives, the extractive summary is used.
 * The headline is always the extractive one: an outlet's own headline.
 */
public final class LlmSummarizer implements StorySummarizer {
    private static final int MAX_ARTICLE_CHARS = 4000;
    private static final double MIN_SUPPORT = 0.5;
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "and", "or", "on", "for",
            "at", "by", "with", "from", "that", "this", "is", "was", "were", "are", "be", "been", "has", "have",
            "had", "it", "its", "as", "but", "not", "he", "she", "they", "his", "her", "their", "said", "will",
            "would", "who", "which", "s");

    private final LlmClient client;
    private final StorySummarizer fallback;
    private final SentenceSplitter splitter;
    private final SummaryBudget budget;
    private final SummaryAudit audit;

    public LlmSummarizer(LlmClient client, StorySummarizer fallback, SentenceSplitter splitter, SummaryBudget budget,
                         SummaryAudit audit) {
        this.client = client;
        this.fallback = fallback;
        this.splitter = splitter;
        this.budget = budget;
        this.audit = audit;
    }

    @Override
    public StorySummary summarize(List<Article> articles) {
        StorySummary extractive = fallback.summarize(articles);
        if (articles.stream().allMatch(a -> a.body().isBlank())) {
            return extractive;
        }
        LlmClient.LlmReply reply = client.complete(instructions(), prompt(articles));
        if (reply instanceof LlmClient.LlmReply.Failed failed) {
            audit.fellBack(failed.reason());
            return extractive;
        }
        String text = ((LlmClient.LlmReply.Text) reply).text();
        List<SummarySentence> kept = checked(text, articles);
        if (kept.isEmpty()) {
            audit.fellBack("no sentence of the reply is backed by the sources");
            return extractive;
        }
        return new StorySummary(extractive.headline(), kept);
    }

    private List<SummarySentence> checked(String text, List<Article> articles) {
        SourceFacts facts = new SourceFacts(articles);
        List<SummarySentence> kept = new ArrayList<>();
        int words = 0;
        for (String sentence : splitter.split(text.replaceAll("(?m)^\\s*([-*•]|\\d+[.)])\\s+", ""))) {
            Optional<String> unsupported = facts.unsupported(sentence);
            if (unsupported.isPresent()) {
                audit.dropped(sentence, "\"" + unsupported.get() + "\" is in no source");
                continue;
            }
            List<String> sources = backing(sentence, articles);
            if (sources.isEmpty()) {
                audit.dropped(sentence, "no source states most of its words");
                continue;
            }
            int length = sentence.split("\\s+").length;
            if (kept.size() >= budget.maxSentences() || words + length > budget.maxWords()) {
                audit.dropped(sentence, "over the length budget");
                continue;
            }
            kept.add(new SummarySentence(sentence, sources));
            words += length;
        }
        return kept;
    }

    // Articles that use at least half of the sentence's content words, most first.
    private static List<String> backing(String sentence, List<Article> articles) {
        Set<String> content = content(sentence);
        if (content.isEmpty()) {
            return List.of();
        }
        record Support(String id, double share) {
        }
        List<Support> supports = new ArrayList<>();
        for (Article a : articles) {
            Set<String> own = content(a.title() + " " + a.body());
            long shared = content.stream().filter(own::contains).count();
            double share = shared / (double) content.size();
            if (share >= MIN_SUPPORT) {
                supports.add(new Support(a.id(), share));
            }
        }
        supports.sort((x, y) -> Double.compare(y.share, x.share));
        return supports.stream().map(Support::id).toList();
    }

    private static Set<String> content(String text) {
        Set<String> out = new HashSet<>();
        for (String w : WordTokenizer.lowerWords(text)) {
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private String instructions() {
        return "You write neutral news summaries for a chat digest. Use only facts stated in the articles; "
                + "never add numbers, dates or names they do not contain. Write plain sentences, no lists, no "
                + "headline, at most " + budget.maxSentences() + " sentences and " + budget.maxWords() + " words.";
    }

    private static String prompt(List<Article> articles) {
        StringBuilder p = new StringBuilder("Summarise what these reports of one story say.\n");
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            String body = a.body().length() > MAX_ARTICLE_CHARS ? a.body().substring(0, MAX_ARTICLE_CHARS) : a.body();
            p.append("\nReport ").append(i + 1).append(a.source().isBlank() ? "" : " (" + a.source() + ")")
                    .append(":\n");
            if (!a.title().isBlank()) {
                p.append(a.title()).append('\n');
            }
            p.append(body).append('\n');
        }
        return p.toString();
    }
}
