package steppe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community in-process for Steppe's tests: Bolt on 127.0.0.1 and a port the OS
 * picks, no auth, data in a temporary directory removed on exit. The page cache size is
 * the system property steppe.pageCache (default 256m; the benchmark asks for more).
 *
 * Prints "BOLT bolt://127.0.0.1:PORT" once the default database answers queries, and
 * "CONTROL PORT": a line-based socket on 127.0.0.1 where "stop" shuts Neo4j down (Bolt
 * closes, the JVM stays) and "start" starts it again on the same port and data, so the
 * outage test stops a real server without paying for a new JVM.
 *
 * Exits when standard input closes (the parent went away) or on SIGTERM, so no JVM
 * outlives the test run.
 */
public final class Neo4jTestServer {
    private final Path home;
    private int boltPort;
    private DatabaseManagementService dbms;

    private Neo4jTestServer(Path home) {
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("steppe-neo4j-");
        Neo4jTestServer server = new Neo4jTestServer(home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            removeTree(home);
        }, "steppe-neo4j-exit"));

        System.out.println("BOLT " + server.start());
        ServerSocket control = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        System.out.println("CONTROL " + control.getLocalPort());
        System.out.flush();
        Thread controller = new Thread(() -> server.serveControl(control), "steppe-neo4j-control");
        controller.setDaemon(true);
        controller.start();

        // Block until the parent closes our standard input, then exit (the shutdown hook stops Neo4j).
        byte[] ignored = new byte[256];
        while (System.in.read(ignored) >= 0) { /* input is not used */ }
        System.exit(0);
    }

    /** Starts Neo4j (on the port it had before, if any) and returns the Bolt URI once it answers. */
    private synchronized String start() {
        if (dbms == null) {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(System.getProperty("steppe.pageCache", "256m")))
                    // Tests stop the server on purpose; waiting long for open transactions only slows them.
                    .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                    .build();
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            boltPort = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
        }
        return "bolt://127.0.0.1:" + boltPort;
    }

    private synchronized void stop() {
        if (dbms == null) return;
        try {
            dbms.shutdown();
        } catch (RuntimeException e) {
            System.err.println("neo4j shutdown: " + e);
        }
        dbms = null;
    }

    private void serveControl(ServerSocket control) {
        while (true) {
            try (Socket s = control.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String command = in.readLine();
                if ("stop".equals(command)) {
                    stop();
                    out.println("STOPPED");
                } else if ("start".equals(command)) {
                    out.println("BOLT " + start());
                } else {
                    out.println("ERROR unknown command (stop | start)");
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("control: " + e);
            }
        }
    }

    private static void removeTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }
}
