package dev.parallax.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.util.List;

/** The digest and story objects as JSON, in the shape the command-line contract documents. */
public final class JsonRenderer {
    private final ObjectMapper mapper = new ObjectMapper();

    public String render(Digest digest) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode stories = root.putArray("stories");
        digest.stories().forEach(s -> stories.add(story(s, "id")));
        return root.toPrettyString();
    }

    /** One story object; {@code idField} is "id" inside a digest and "story" on a summarize line. */
    public ObjectNode story(StoryBrief s, String idField) {
        ObjectNode node = mapper.createObjectNode();
        node.put(idField, s.id());
        node.put("headline", s.headline());
        ArrayNode articles = node.putArray("articles");
        for (Article a : s.articles()) {
            ObjectNode an = articles.addObject();
            an.put("id", a.id());
            an.put("source", a.source());
            an.put("title", a.title());
            an.put("url", a.url());
            an.put("published", a.published() == null ? null : a.published().toString());
        }
        ArrayNode summary = node.putArray("summary");
        for (SummarySentence sentence : s.summary()) {
            ObjectNode sn = summary.addObject();
            sn.put("text", sentence.text());
            strings(sn.putArray("sources"), sentence.sources());
        }
        ArrayNode agreements = node.putArray("agreements");
        for (Agreement a : s.agreements()) {
            ObjectNode an = agreements.addObject();
            an.put("about", a.about());
            an.put("value", a.value());
            strings(an.putArray("sources"), a.sources());
            an.put("single_source", a.singleSource());
        }
        ArrayNode divergences = node.putArray("divergences");
        for (Divergence d : s.divergences()) {
            ObjectNode dn = divergences.addObject();
            dn.put("about", d.about());
            ArrayNode values = dn.putArray("values");
            for (Divergence.Side side : d.values()) {
                ObjectNode vn = values.addObject();
                vn.put("value", side.value());
                strings(vn.putArray("sources"), side.sources());
                strings(vn.putArray("quotes"), side.quotes());
            }
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
