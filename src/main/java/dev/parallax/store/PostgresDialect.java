package dev.parallax.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * PostgreSQL, for several instances on one database: a HikariCP pool, rows claimed with
 * {@code FOR UPDATE ... SKIP LOCKED} so that concurrent claimers never wait for or take each
 * other's rows, search through {@code tsvector}, and Quartz's tables for the clustered scheduler.
 */
final class PostgresDialect implements Dialect {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final TsvectorSearch search = new TsvectorSearch();

    @Override
    public HikariDataSource pool(DatabaseSettings settings, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("parallax-pg-" + POOLS.incrementAndGet());
        pool.setJdbcUrl(settings.url());
        if (password != null && !password.isEmpty()) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setConnectionTimeout(10_000);
        return new HikariDataSource(pool);
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public List<JavaMigration> javaMigrations() {
        return List.of(new QuartzTables());
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String lockSkippingLocked(String alias) {
        return " FOR UPDATE OF " + alias + " SKIP LOCKED";
    }

    @Override
    public TextSearch search() {
        return search;
    }

    @Override
    public boolean retryable(SQLException e) {
        // serialization_failure, deadlock_detected: the transaction was rolled back and may simply run again.
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
