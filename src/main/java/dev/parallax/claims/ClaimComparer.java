package dev.parallax.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns the claims of different articles that speak of the same thing (same kind, same subject
 * key) and decides agreement or divergence. Precision first: a divergence needs two articles whose
 * values cannot both be true, of a subject that has one true value, in close enough context; an
 * article that contradicts itself on a subject is left out of it; values we cannot compare
 * ("yesterday" with no publish time against "Sunday") neither diverge nor back each other; a
 * claim only one article makes is kept only when its subject can be stated clearly.
 */
public final class ClaimComparer {
    static final double MIN_CONTEXT_OVERLAP = 0.3;

    public ClaimComparison compare(List<Claim> claims) {
        Map<String, List<Claim>> bySubject = new LinkedHashMap<>();
        for (Claim c : claims) {
            bySubject.computeIfAbsent(c.kind() + "|" + withoutRole(c.subject()), k -> new ArrayList<>()).add(c);
        }
        List<Agreement> agreements = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        for (List<Claim> group : bySubject.values()) {
            List<Claim> usable = withoutSelfContradictions(group);
            List<Claim> single = usable.stream().filter(Claim::singleValued).toList();
            if (hasConflictAcrossArticles(single)) {
                divergences.add(new Divergence(single.get(0).about(), sides(single)));
            } else {
                agreements.addAll(agreements(usable));
            }
        }
        agreements.sort(Comparator.comparingInt((Agreement a) -> -a.sources().size()));
        return new ClaimComparison(agreements, divergences);
    }

    private static List<Claim> withoutSelfContradictions(List<Claim> group) {
        Map<String, List<Claim>> byArticle = new LinkedHashMap<>();
        for (Claim c : group) {
            byArticle.computeIfAbsent(c.articleId(), k -> new ArrayList<>()).add(c);
        }
        List<Claim> out = new ArrayList<>();
        for (List<Claim> own : byArticle.values()) {
            boolean contradicts = false;
            for (int i = 0; i < own.size() && !contradicts; i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    if (own.get(i).singleValued() && own.get(j).singleValued() && sameRole(own.get(i), own.get(j))
                            && own.get(i).value().relate(own.get(j).value()) == Relation.CONFLICT) {
                        contradicts = true;
                        break;
                    }
                }
            }
            if (!contradicts) {
                out.addAll(own);
            }
        }
        return out;
    }

    private static boolean hasConflictAcrossArticles(List<Claim> claims) {
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                if (conflict(claims.get(i), claims.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean conflict(Claim a, Claim b) {
        if (a.articleId().equals(b.articleId()) || !sameRole(a, b)
                || a.value().relate(b.value()) != Relation.CONFLICT) {
            return false;
        }
        boolean weakSubject = a.kind() == ClaimKind.MONEY || a.kind() == ClaimKind.PERCENT
                || a.subject().startsWith("count|" + CountClaims.STORY + "|");
        return !weakSubject || ContextWords.overlap(a.sentence(), b.sentence()) >= MIN_CONTEXT_OVERLAP;
    }

    private static boolean agree(Claim a, Claim b) {
        return sameRole(a, b) && a.value().relate(b.value()) == Relation.AGREE;
    }

    // "157 seats" won and "338 seats" in all align only when what happened to them matches; a count
    // with no action of its own ("with 20 leaders") may align with any.
    private static boolean sameRole(Claim a, Claim b) {
        String ra = role(a.subject());
        String rb = role(b.subject());
        return ra.isEmpty() || rb.isEmpty() || ra.equals(rb);
    }

    private static String role(String subject) {
        int at = subject.indexOf(CountClaims.ROLE);
        return at < 0 ? "" : subject.substring(at + CountClaims.ROLE.length());
    }

    private static String withoutRole(String subject) {
        int at = subject.indexOf(CountClaims.ROLE);
        return at < 0 ? subject : subject.substring(0, at);
    }

    private static List<Divergence.Side> sides(List<Claim> claims) {
        Map<String, List<Claim>> byValue = new LinkedHashMap<>();
        for (Claim c : claims) {
            byValue.computeIfAbsent(shownValue(c), k -> new ArrayList<>()).add(c);
        }
        List<Divergence.Side> sides = new ArrayList<>();
        byValue.forEach((value, same) -> sides.add(new Divergence.Side(value, sources(same), quotes(same))));
        sides.sort(Comparator.comparingInt((Divergence.Side s) -> -s.sources().size()));
        return sides;
    }

    // Claims that agree with the first of a cluster go with it; what cannot be compared stands alone.
    private static List<Agreement> agreements(List<Claim> claims) {
        List<List<Claim>> clusters = new ArrayList<>();
        for (Claim c : claims) {
            List<Claim> home = null;
            for (List<Claim> cluster : clusters) {
                if (agree(cluster.get(0), c)) {
                    home = cluster;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                clusters.add(home);
            }
            home.add(c);
        }
        List<Agreement> out = new ArrayList<>();
        for (List<Claim> cluster : clusters) {
            if (sources(cluster).size() == 1 && cluster.stream().noneMatch(Claim::clear)) {
                continue; // one source, and we cannot say clearly what it is about: precision first
            }
            Map<String, Set<String>> sourcesByValue = new LinkedHashMap<>();
            cluster.forEach(c -> sourcesByValue.computeIfAbsent(shownValue(c), k -> new LinkedHashSet<>())
                    .add(c.articleId()));
            // Show the value most sources phrase the same way.
            String value = sourcesByValue.entrySet().stream()
                    .max(Comparator.comparingInt(e -> e.getValue().size())).map(Map.Entry::getKey).orElseThrow();
            out.add(new Agreement(cluster.get(0).about(), value, sources(cluster), quotes(cluster)));
        }
        return out;
    }

    // Days, years and places read best as themselves; amounts as the words the article used.
    private static String shownValue(Claim c) {
        return switch (c.kind()) {
            case DATE, YEAR, PLACE, DURATION, QUOTE -> c.value().canonical();
            default -> c.surface();
        };
    }

    private static List<String> sources(List<Claim> claims) {
        Set<String> ids = new LinkedHashSet<>();
        claims.forEach(c -> ids.add(c.articleId()));
        return List.copyOf(ids);
    }

    private static List<String> quotes(List<Claim> claims) {
        Map<String, String> firstQuote = new LinkedHashMap<>();
        claims.forEach(c -> firstQuote.putIfAbsent(c.articleId(), c.sentence()));
        return List.copyOf(firstQuote.values());
    }
}
