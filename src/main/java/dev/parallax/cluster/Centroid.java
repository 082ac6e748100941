package dev.parallax.cluster;

/** The sum of a story's unit vectors with its norm kept up to date, so cosine to it costs one pass. */
final class Centroid {
    private final IntDoubleMap sum = new IntDoubleMap(64);
    private double normSquared;

    void add(SparseVector v, double scale) {
        for (int i = 0; i < v.size(); i++) {
            double w = v.weight(i) * scale;
            double old = sum.add(v.id(i), w);
            normSquared += 2 * old * w + w * w;
        }
    }

    /** Adds another story's sum into this one (a merge). */
    void addAll(Centroid other) {
        other.sum.forEach((id, w) -> {
            double old = sum.add(id, w);
            normSquared += 2 * old * w + w * w;
        });
    }

    /** Cosine between a unit vector and this sum. */
    double cosine(SparseVector unit) {
        if (normSquared <= 1e-12 || unit.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < unit.size(); i++) {
            dot += unit.weight(i) * sum.get(unit.id(i));
        }
        return dot / Math.sqrt(normSquared);
    }

    /** Cosine between two sums. */
    double cosineTo(Centroid other) {
        if (normSquared <= 1e-12 || other.normSquared <= 1e-12) {
            return 0;
        }
        Centroid small = sum.size() <= other.sum.size() ? this : other;
        Centroid large = small == this ? other : this;
        double[] dot = {0};
        small.sum.forEach((id, w) -> dot[0] += w * large.sum.get(id));
        return dot[0] / Math.sqrt(normSquared * other.normSquared);
    }

    boolean isEmpty() {
        return normSquared <= 1e-12;
    }

    int terms() {
        return sum.size();
    }
}
