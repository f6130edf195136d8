package org.creditmesh.anchor.outbox;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.creditmesh.service.postgres.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The outbox's PostgreSQL database, migrated on open with the plain Flyway API from
 * {@value #LOCATION} into its own history table {@value #HISTORY_TABLE}, so that it can live in a
 * host service's database without touching that service's migrations.
 *
 * <p>Three ways to open it: the project's embedded PostgreSQL in a folder ({@link #embedded}, the
 * default and what the tests use), a JDBC URL ({@link #connect}, production), or a host's own
 * pooled {@link DataSource} ({@link #of}).
 */
public final class OutboxDatabase implements AutoCloseable {

    public static final String LOCATION = "classpath:db/anchor";
    public static final String HISTORY_TABLE = "anchor_schema_history";
    /** Database and user of the embedded default. */
    public static final String EMBEDDED_DATABASE = "creditmesh_anchor";
    public static final String EMBEDDED_USER = "creditmesh";

    private final DataSource dataSource;
    private final AgroalDataSource ownPool;
    private final EmbeddedPostgres embedded;

    private OutboxDatabase(DataSource dataSource, AgroalDataSource ownPool, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.embedded = embedded;
    }

    /** Starts (or reopens) the embedded PostgreSQL cluster in {@code clusterDir} and migrates it. */
    public static OutboxDatabase embedded(Path clusterDir) throws OutboxException {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.start(clusterDir, EMBEDDED_DATABASE, EMBEDDED_USER);
        } catch (IOException e) {
            throw new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
        try {
            AgroalDataSource pool = pool(pg.jdbcUrl(), pg.user(), pg.password());
            return opened(new OutboxDatabase(pool, pool, pg));
        } catch (OutboxException e) {
            closeQuietly(pg);
            throw e;
        }
    }

    /** Connects to a PostgreSQL database by JDBC URL (a small pool of its own) and migrates it. */
    public static OutboxDatabase connect(String jdbcUrl, String user, String password) throws OutboxException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        AgroalDataSource pool = pool(jdbcUrl, user, password);
        return opened(new OutboxDatabase(pool, pool, null));
    }

    /** Uses a host's data source (not closed by {@link #close()}) and migrates it. */
    public static OutboxDatabase of(DataSource dataSource) throws OutboxException {
        return opened(new OutboxDatabase(Objects.requireNonNull(dataSource, "dataSource"), null, null));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private static OutboxDatabase opened(OutboxDatabase db) throws OutboxException {
        try {
            Flyway.configure(OutboxDatabase.class.getClassLoader())
                    .dataSource(db.dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // A host database already has tables of its own: start this history at version 0 so V1 runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            return db;
        } catch (FlywayException e) {
            db.close();
            throw new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "outbox migration failed: " + e.getMessage(), e);
        }
    }

    private static AgroalDataSource pool(String jdbcUrl, String user, String password) throws OutboxException {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp
                        .initialSize(1)
                        .minSize(1)
                        .maxSize(8)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(cf -> {
                            cf.jdbcUrl(jdbcUrl);
                            if (user != null) {
                                cf.principal(new NamePrincipal(user));
                            }
                            if (password != null) {
                                cf.credential(new SimplePassword(password));
                            }
                            return cf;
                        }));
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "cannot open the outbox database: " + e.getMessage(), e);
        }
    }

    /** Closes the own pool and stops the embedded server, if this opened them. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            // stopping is best effort; the next start on the cluster stops a leftover server
        }
    }
}
