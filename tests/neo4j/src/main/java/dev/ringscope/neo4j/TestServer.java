package dev.ringscope.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * RingScope integration-test Neo4j server.
 *
 * Starts an embedded Neo4j community DBMS with the Bolt connector on 127.0.0.1, authentication on,
 * and the GDS / APOC core procedures (from the classpath, registered through {@code plugin_dir}).
 *
 * Configuration (system properties win over environment variables):
 *   NEO4J_BOLT_PORT   (-Dringscope.neo4j.boltPort)  default 7687
 *   NEO4J_PASSWORD    (-Dringscope.neo4j.password)  default ringscope-test
 *   NEO4J_DATA_DIR    (-Dringscope.neo4j.dataDir)   default target/data (relative to the working dir)
 *   NEO4J_PLUGIN_DIR  (-Dringscope.neo4j.pluginDir) default target/plugins
 *
 * Prints exactly one line starting with "RINGSCOPE-NEO4J READY" once Bolt accepts connections
 * with the configured password, and "RINGSCOPE-NEO4J STOPPED" after a clean shutdown (SIGTERM).
 */
public final class TestServer {
    public static final String READY = "RINGSCOPE-NEO4J READY";
    public static final String STOPPED = "RINGSCOPE-NEO4J STOPPED";
    public static final String FAILED = "RINGSCOPE-NEO4J FAILED";

    private TestServer() {}

    private static String knob(String env, String prop, String def) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return (v == null || v.isBlank()) ? def : v;
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        int port = Integer.parseInt(knob("NEO4J_BOLT_PORT", "ringscope.neo4j.boltPort", "7687"));
        String password = knob("NEO4J_PASSWORD", "ringscope.neo4j.password", "ringscope-test");
        Path home = Path.of(knob("NEO4J_DATA_DIR", "ringscope.neo4j.dataDir", "target/data")).toAbsolutePath();
        Path plugins = Path.of(knob("NEO4J_PLUGIN_DIR", "ringscope.neo4j.pluginDir", "target/plugins")).toAbsolutePath();
        Files.createDirectories(home);
        Files.createDirectories(plugins);

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                    .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                    .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "apoc.*"))
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                    // Test server: don't preallocate 256 MiB transaction logs per database (system + neo4j),
                    // rotate at 32 MiB and keep only a little history.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
                    .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                    // Bolt waits 5 s + 5 s for (already idle) connections/threads at shutdown by default;
                    // the databases are checkpointed before that, so 1 s each is plenty for a test server.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable e) {
            System.out.println(FAILED + " " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(2);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("RINGSCOPE-NEO4J shutting down");
            System.out.flush();
            try {
                dbms.shutdown();
            } catch (Throwable e) {
                e.printStackTrace(System.out);
            }
            System.out.println(STOPPED);
            System.out.flush();
            stopped.countDown();
        }, "ringscope-neo4j-shutdown"));

        try {
            GraphDatabaseService system = dbms.database("system");
            setPassword(system, password);

            GraphDatabaseService db = dbms.database("neo4j");
            String neo4jVersion = query(db, "CALL dbms.components() YIELD versions RETURN versions[0] AS v");
            String gds = query(db, "CALL gds.version() YIELD gdsVersion RETURN gdsVersion AS v");
            String apoc = query(db, "RETURN apoc.version() AS v");
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s bolt=bolt://127.0.0.1:%d neo4j=%s gds=%s apoc=%s jvm_start_s=%.1f%n",
                    READY, port, neo4jVersion, gds, apoc, secs);
            System.out.flush();
        } catch (Throwable e) {
            System.out.println(FAILED + " " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(3);
        }
        stopped.await();
    }

    /** Sets the neo4j user's password (no forced change). Idempotent across restarts. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Re-using the current password is rejected by Neo4j; that's fine on a restart.
            String msg = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) throw e;
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    /** Runs a single-value query; returns "unavailable(<reason>)" instead of throwing. */
    private static String query(GraphDatabaseService db, String cypher) {
        try {
            return db.executeTransactionally(cypher, Map.of(), r -> String.valueOf(r.next().get("v")));
        } catch (Throwable e) {
            String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            System.out.println("RINGSCOPE-NEO4J WARN '" + cypher + "' failed: " + m);
            return "unavailable";
        }
    }
}
