package org.creditmesh.service.postgres;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The one embedded PostgreSQL of this JVM, started by {@link EmbeddedDatabaseConfigSourceFactory} and stopped
 * when the application stops (a JVM shutdown hook in {@link EmbeddedPostgres} covers abrupt exits). In dev mode a
 * live reload stops it with the old application and the next configuration lookup starts it again on the same
 * cluster.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    static final String DATABASE = "creditmesh";
    static final String USER = "creditmesh";

    private static EmbeddedPostgres running;

    static synchronized EmbeddedPostgres startOrGet(Path dir) throws IOException {
        if (running == null) {
            running = EmbeddedPostgres.start(dir, DATABASE, USER);
        }
        return running;
    }

    static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warnf("the embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
            running = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }
}
