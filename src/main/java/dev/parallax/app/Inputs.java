package dev.parallax.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Command-line inputs split into web URLs and local paths. */
record Inputs(List<URI> urls, List<Path> paths) {
    static Inputs of(List<String> args) {
        List<URI> urls = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                try {
                    urls.add(new URI(a.strip()));
                } catch (URISyntaxException e) {
                    throw new InputException("not a URL: " + a);
                }
            } else if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
                throw new InputException("only http and https URLs can be read, not " + a);
            } else {
                paths.add(Path.of(a));
            }
        }
        return new Inputs(List.copyOf(urls), List.copyOf(paths));
    }
}
