package dev.parallax.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.StoryClusterer;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parallax cluster --in F}: the stream clusterer over a JSONL file, in file order. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Assign each article of a JSONL file to a story, in order; writes {\"id\",\"story\"} lines.")
final class ClusterCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, description = "JSONL: {\"id\",\"text\",\"title\"?,\"published\"?,...}")
    Path in;

    @Option(names = "--out", description = "output file (default: stdout)")
    Path out;

    @Override
    public Integer call() {
        List<ClusterDocument> docs = ArticleLines.clusterDocuments(JsonLines.read(in), "id");
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            StoryClusterer clusterer = new StoryClusterer(main.config().cluster(), analyzer);
            for (ClusterDocument doc : docs) {
                ObjectNode line = mapper.createObjectNode();
                line.put("id", doc.id());
                line.put("story", clusterer.add(doc).storyId());
                text.append(line).append('\n');
            }
        }
        Output.write(out, text.toString(), spec.commandLine().getOut());
        return 0;
    }
}
