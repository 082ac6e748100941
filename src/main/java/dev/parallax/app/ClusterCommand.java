package dev.parallax.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.Assignment;
import dev.parallax.cluster.StreamRun;
import dev.parallax.text.TermAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parallax cluster --in F}: the stream clusterer over a JSONL file, in file order. Each line
 * gets the story it ends in after the merges and splits later lines caused.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Assign each article of a JSONL file to a story, in order; writes {\"id\",\"story\"} lines.")
final class ClusterCommand extends JsonlCommand {
    @Option(names = "--in", required = true, description = "JSONL: {\"id\",\"text\",\"title\"?,\"published\"?,...}")
    Path in;

    @Override
    Path in() {
        return in;
    }

    @Override
    List<String> convert(List<JsonLines.Line> lines) {
        List<ClusterDocument> docs = ArticleLines.clusterDocuments(lines, "id");
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            StreamRun run = StreamRun.of(docs, main.config().cluster(), analyzer);
            for (int i = 0; i < docs.size(); i++) {
                ObjectNode line = mapper.createObjectNode();
                line.put("id", docs.get(i).id());
                line.put("story", run.finalStory().get(i));
                if (run.assignments().get(i) instanceof Assignment.Isolated isolated) {
                    // Bad input is kept, alone, and said so: it never merges into anything.
                    line.put("note", isolated.reason());
                    err.println("parallax: " + lines.get(i).where() + ": article \"" + docs.get(i).id()
                            + "\" kept in a story of its own: " + isolated.reason());
                }
                out.add(line.toString());
            }
        }
        err.flush();
        return out;
    }
}
