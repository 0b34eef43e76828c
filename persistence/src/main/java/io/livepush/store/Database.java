package io.livepush.store;

import io.livepush.model.Account;
import io.livepush.model.AdminUser;
import io.livepush.model.ConfigState;
import io.livepush.model.IngestNode;
import io.livepush.model.IngestNodeSlotError;
import io.livepush.model.Pop;
import io.livepush.model.PublishCredential;
import io.livepush.model.RenditionHealthRow;
import io.livepush.model.Slot;
import io.livepush.model.SlotAudit;
import io.livepush.model.SlotIngestStats;
import io.livepush.service.DatabaseUnavailableException;
import io.livepush.service.LivePushException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The one {@link EntityManagerFactory} of a web application, over the MariaDB {@link DataSource} it is given.
 * <p>
 * The schema comes from the Flyway migrations in {@code db/migration}; Hibernate only validates it, so a mapping that
 * drifts from the SQL fails at startup, not in production traffic. Transactions begin only through
 * {@link #inTransaction(Function)}, which services call; nothing else opens an {@link EntityManager}.
 */
public final class Database implements AutoCloseable {

    /** Where both web applications find their DataSource. */
    public static final String JNDI_NAME = "java:comp/env/jdbc/livepush";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final EntityManagerFactory emf;
    private final DatabaseOutages outages;

    private Database(EntityManagerFactory emf, Clock clock) {
        this.emf = emf;
        this.outages = new DatabaseOutages(clock);
    }

    /**
     * Opens the database behind {@code dataSource}.
     *
     * @param migrate whether to apply pending Flyway migrations first (the admin application does; ingest nodes
     *                only validate, so that a node of an older version never changes a shared schema)
     */
    public static Database open(DataSource dataSource, boolean migrate) {
        return open(dataSource, migrate, Clock.systemUTC());
    }

    /** Opens the database behind {@code dataSource}, timing the {@link #outages()} it sees with {@code clock}. */
    public static Database open(DataSource dataSource, boolean migrate, Clock clock) {
        warnWithoutSocketTimeout(dataSource);
        if (migrate) {
            migrate(dataSource);
        }
        EntityManagerFactory emf = new HibernatePersistenceConfiguration("livepush")
                .managedClasses(Account.class, Pop.class, Slot.class, PublishCredential.class, AdminUser.class,
                        IngestNode.class, IngestNodeSlotError.class, SlotAudit.class, ConfigState.class,
                        SlotIngestStats.class, RenditionHealthRow.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, new UnreachableMarkingDataSource(dataSource))
                .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 64)
                .createEntityManagerFactory();
        return new Database(emf, clock);
    }

    /** Opens the database behind the container's {@value #JNDI_NAME}. */
    public static Database fromJndi(boolean migrate) {
        try {
            DataSource dataSource = (DataSource) new InitialContext().lookup(JNDI_NAME);
            return open(dataSource, migrate);
        } catch (NamingException e) {
            throw new IllegalStateException("No DataSource at [" + JNDI_NAME + "]: declare the jdbc/livepush "
                    + "Resource in the context file (see docs/install.md)", e);
        }
    }

    /**
     * Applies every pending migration of {@code db/migration} to the schema behind {@code dataSource}.
     *
     * @return how many migrations ran (0 when the schema was up to date)
     */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * Runs {@code work} in a new transaction, committing when it returns and rolling back when it throws.
     *
     * @throws DatabaseUnavailableException when the database could not be reached (a time-out during the commit may
     *                                      still have applied the change)
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            T result = emf.callInTransaction(work);
            outages.succeeded();
            return result;
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * Runs {@code work} in a new transaction, committing when it returns and rolling back when it throws.
     *
     * @throws DatabaseUnavailableException when the database could not be reached (a time-out during the commit may
     *                                      still have applied the change)
     */
    public void runInTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Runs {@code work} as {@link #inTransaction(Function)} does, and runs it again in a new transaction (up to three
     * times in all) when the transaction lost a write conflict: a deadlock, or a Galera certification failure when
     * another node committed a conflicting change first. Only for work that can be repeated safely from scratch
     * (heartbeats, provisioning acknowledgements, statistics); a user's edit should see the conflict instead.
     */
    public <T> T inRepeatableTransaction(Function<EntityManager, T> work) {
        return ConflictRetry.run(() -> inTransaction(work));
    }

    /** Runs {@code work} as {@link #inRepeatableTransaction(Function)} does. */
    public void runInRepeatableTransaction(Consumer<EntityManager> work) {
        inRepeatableTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** The outages this process saw. */
    public DatabaseOutages outages() {
        return outages;
    }

    private RuntimeException unavailableOr(RuntimeException failure) {
        if (failure instanceof LivePushException || !DatabaseFailures.isUnavailable(failure)) {
            return failure;
        }
        outages.failed();
        return new DatabaseUnavailableException(failure);
    }

    /**
     * Without a socket time-out a stopped database holds every request that touches it for as long as TCP keeps the
     * connection (minutes); the shipped configuration sets {@link ConnectionTimeouts}, a hand-written one may not.
     */
    private static void warnWithoutSocketTimeout(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getNetworkTimeout() == 0) {
                LOG.warning("The jdbc/livepush connections have no socket time-out: while the database does not "
                        + "answer, requests wait for it indefinitely. Add socketTimeout=" + ConnectionTimeouts
                        .SOCKET_TIMEOUT_MS + " to the JDBC URL (docs/install.md)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database behind jdbc/livepush", e);
        }
    }

    @Override
    public void close() {
        emf.close();
    }
}
