package dev.parallax.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The claims extracted from each article; replaced whole when an article is re-analysed. */
public final class ClaimStore {
    private final Database db;

    public ClaimStore(Database db) {
        this.db = db;
    }

    public void replace(String articleId, Collection<StoredClaim> claims) {
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM claims WHERE article_id = ?")) {
                delete.setString(1, articleId);
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claims(article_id, kind, subject, value,"
                    + " surface, sentence) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                for (StoredClaim claim : claims) {
                    ps.setString(1, articleId);
                    ps.setString(2, claim.kind());
                    ps.setString(3, claim.subject());
                    ps.setString(4, claim.value());
                    ps.setString(5, claim.surface());
                    ps.setString(6, claim.sentence());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<StoredClaim> forArticles(Collection<String> articleIds) {
        return db.read(c -> {
            List<StoredClaim> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, kind, subject, value, surface,"
                    + " sentence FROM claims WHERE article_id = ? ORDER BY id")) {
                for (String id : articleIds) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new StoredClaim(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6)));
                        }
                    }
                }
            }
            return out;
        });
    }
}
