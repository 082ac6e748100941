package dev.parallax.ingest;

import dev.parallax.model.Article;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.SourceStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folder and file ingest: read every input first (so bad input writes nothing), then parse and
 * clean, and hand each article to the {@link ArticleIntake} that feeds use too. Running it twice on
 * the same files adds nothing.
 */
public final class FolderIngestService {
    private final FolderReader reader = new FolderReader();
    private final TextDocumentParser textParser = new TextDocumentParser();
    private final HtmlDocumentParser htmlParser = new HtmlDocumentParser();
    private final PageJunkCleaner cleaner = new PageJunkCleaner();
    private final ArticleIntake intake;
    private final SourceStore sources;

    public FolderIngestService(ArticleIntake intake, SourceStore sources) {
        this.intake = intake;
        this.sources = sources;
    }

    /** Kept for callers that wire the folder reader alone; shares nothing with other intakes. */
    public FolderIngestService(ArticleStore articles, SourceStore sources, InstantSource clock) {
        this(new ArticleIntake(articles, clock), sources);
    }

    public IngestReport ingest(List<Path> paths) {
        List<FolderReader.ArticleFile> files = reader.read(paths);
        List<String> warnings = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (FolderReader.ArticleFile file : files) {
            Article article = toArticle(file);
            if (article.body().isBlank()) {
                warnings.add("no article text left after cleaning, skipped: " + file.path());
                continue;
            }
            candidates.add(new Candidate(file, article, ContentHash.of(article.title(), article.body())));
        }

        Set<String> ids = new LinkedHashSet<>();
        int added = 0;
        int nearDuplicates = 0;
        for (Candidate c : candidates) {
            Path root = c.file.root().toAbsolutePath().normalize();
            long sourceId = sources.ensure(c.file.root().equals(c.file.path()) ? "file" : "folder", root.toString(),
                    root.getFileName() == null ? root.toString() : root.getFileName().toString());
            String location = c.file.path().toAbsolutePath().normalize().toString();
            ArticleIntake.Outcome outcome = intake.take(
                    new ArticleIntake.Candidate(c.article, sourceId, location, c.hash));
            if (outcome instanceof ArticleIntake.Outcome.Added) {
                added++;
            } else if (outcome instanceof ArticleIntake.Outcome.NearDuplicate) {
                nearDuplicates++;
            }
            ids.add(outcome.articleId());
        }
        return new IngestReport(List.copyOf(ids), added, nearDuplicates, warnings);
    }

    private Article toArticle(FolderReader.ArticleFile file) {
        ParsedDocument doc = switch (file.extension()) {
            case "html", "htm" -> htmlParser.parse(file.text(), file.path().toUri().toString());
            case "md", "markdown" -> textParser.parse(file.text(), true);
            default -> textParser.parse(file.text(), false);
        };
        String body = cleaner.clean(doc.body());
        ParsedDocument titled = TextDocumentParser.withLeadTitle(doc.title(), body);
        String title = titled.title();
        body = titled.body();
        String url = doc.url().isEmpty() ? file.path().toAbsolutePath().normalize().toUri().toString() : doc.url();
        String outlet = doc.outlet().isEmpty() ? file.stem() : doc.outlet();
        Instant published = doc.published();
        return new Article(file.stem(), outlet, title, url, published, body);
    }

    private record Candidate(FolderReader.ArticleFile file, Article article, String hash) {
    }
}
