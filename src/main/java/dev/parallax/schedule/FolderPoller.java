package dev.parallax.schedule;

import dev.parallax.cluster.ClusterService;
import dev.parallax.ingest.FolderIngestService;
import dev.parallax.ingest.IngestException;
import dev.parallax.ingest.IngestReport;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Re-reads the configured folders (new files become articles) and clusters what arrived. */
public final class FolderPoller implements SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(FolderPoller.class);

    private final List<Path> folders;
    private final FolderIngestService ingest;
    private final ClusterService clustering;

    public FolderPoller(List<Path> folders, FolderIngestService ingest, ClusterService clustering) {
        this.folders = List.copyOf(folders);
        this.ingest = ingest;
        this.clustering = clustering;
    }

    @Override
    public PollReport pollDue() {
        PollReport total = PollReport.NOTHING;
        for (Path folder : folders) {
            try {
                IngestReport report = ingest.ingest(List.of(folder));
                report.warnings().forEach(w -> LOG.warn("source={} {}", folder, w));
                if (report.added() > 0) {
                    clustering.cluster(report.articleIds());
                    LOG.info("source={} {} new articles", folder, report.added());
                }
                total = total.plus(new PollReport(1, 0, report.added()));
            } catch (IngestException e) {
                // One broken folder never stops the others.
                LOG.error("source={} poll failed: {}", folder, e.getMessage());
                total = total.plus(new PollReport(1, 1, 0));
            }
        }
        return total;
    }
}
