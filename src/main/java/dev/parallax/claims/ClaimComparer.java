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
 * key) and decides agreement or divergence. Precision first: an article that states two
 * conflicting values for one subject is left out of that subject, and a divergence needs two
 * articles whose values cannot both be true.
 */
public final class ClaimComparer {

    public ClaimComparison compare(List<Claim> claims) {
        Map<String, List<Claim>> bySubject = new LinkedHashMap<>();
        for (Claim c : claims) {
            bySubject.computeIfAbsent(c.kind() + "|" + c.subject(), k -> new ArrayList<>()).add(c);
        }
        List<Agreement> agreements = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        for (List<Claim> group : bySubject.values()) {
            List<Claim> usable = withoutSelfContradictions(group);
            if (usable.isEmpty()) {
                continue;
            }
            Map<String, List<Claim>> byValue = new LinkedHashMap<>();
            for (Claim c : usable) {
                byValue.computeIfAbsent(shownValue(c), k -> new ArrayList<>()).add(c);
            }
            if (hasConflictAcrossArticles(usable)) {
                divergences.add(new Divergence(usable.get(0).about(), sides(byValue)));
            } else {
                agreements.add(agreement(usable, byValue));
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
            if (!hasConflict(own)) {
                out.addAll(own);
            }
        }
        return out;
    }

    private static boolean hasConflict(List<Claim> claims) {
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                if (!claims.get(i).value().compatible(claims.get(j).value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasConflictAcrossArticles(List<Claim> claims) {
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                Claim a = claims.get(i);
                Claim b = claims.get(j);
                if (!a.articleId().equals(b.articleId()) && !a.value().compatible(b.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Divergence.Side> sides(Map<String, List<Claim>> byValue) {
        List<Divergence.Side> sides = new ArrayList<>();
        byValue.forEach((value, claims) -> sides.add(new Divergence.Side(value, sources(claims), quotes(claims))));
        sides.sort(Comparator.comparingInt((Divergence.Side s) -> -s.sources().size()));
        return sides;
    }

    private static Agreement agreement(List<Claim> claims, Map<String, List<Claim>> byValue) {
        // Show the value most sources phrase the same way.
        String value = byValue.entrySet().stream()
                .max(Comparator.comparingInt(e -> sources(e.getValue()).size()))
                .map(Map.Entry::getKey).orElseThrow();
        return new Agreement(claims.get(0).about(), value, sources(claims), quotes(claims));
    }

    // Days, years and places read best as themselves; amounts as the words the article used.
    private static String shownValue(Claim c) {
        return switch (c.kind()) {
            case WEEKDAY, YEAR, PLACE -> c.value().canonical();
            case DURATION -> c.value().canonical();
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
