package dev.parallax.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists and reads the article files under the given paths, failing early with a message naming the file. */
public final class FolderReader {
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** One article file: where it lives, which folder or file was asked for, and its text. */
    public record ArticleFile(Path path, Path root, String text) {
        public String extension() {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.substring(name.lastIndexOf('.') + 1);
        }

        public String stem() {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    /** Every article file under the paths, sorted by name within each folder. */
    public List<ArticleFile> read(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new IngestException("no input paths given");
        }
        List<ArticleFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IngestException("no such file or folder: " + path);
            }
            if (Files.isDirectory(path)) {
                List<Path> found = list(path);
                if (found.isEmpty()) {
                    throw new IngestException("no .txt, .md or .html files in folder: " + path);
                }
                for (Path f : found) {
                    files.add(new ArticleFile(f, path, readText(f)));
                }
            } else if (isArticleFile(path)) {
                files.add(new ArticleFile(path, path, readText(path)));
            } else {
                throw new IngestException("not a .txt, .md or .html file: " + path);
            }
        }
        return files;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(FolderReader::isArticleFile).sorted().toList();
        } catch (IOException e) {
            throw new IngestException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
    }

    static boolean isArticleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown")
                || name.endsWith(".html") || name.endsWith(".htm"));
    }

    private static String readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IngestException("file too large (" + size + " bytes, limit " + MAX_FILE_BYTES + "): " + file);
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IngestException("not valid UTF-8 text: " + file, e);
        } catch (IOException e) {
            throw new IngestException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
