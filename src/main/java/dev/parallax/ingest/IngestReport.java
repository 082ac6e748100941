package dev.parallax.ingest;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param articleIds   every stored article the inputs map to (new, known, or the original of a near-duplicate)
 * @param added        how many articles were new
 * @param nearDuplicates how many inputs were kept as sightings of an existing article
 * @param warnings     inputs skipped with the reason (for example a file with no text left after cleaning)
 */
public record IngestReport(List<String> articleIds, int added, int nearDuplicates, List<String> warnings) {
}
