import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * The Neo4j 5 community server of arxiv-kg's live tests, in-process through neo4j-harness (run by ./server).
 *
 * <pre>
 * java -Xmx1500m -cp ... TestServer --dir DIR --bolt-port 7687 --http-port 7474 --plugins DIR
 *      [--from HOME] [--pagecache 512m] [--ready FILE]
 * </pre>
 *
 * Listens on 127.0.0.1 only, with authentication on: the password of user {@code neo4j} comes from the
 * environment ({@code NEO4J_PASSWORD}), never from the command line. {@code --from HOME} starts on a copy of
 * the databases under {@code HOME/data} (what {@code neo4j-admin database import} wrote with
 * {@code NEO4J_HOME=HOME}). When Bolt answers, the Bolt URI is written to the ready file (atomically) and
 * printed; the server runs until the process is told to stop (SIGTERM), and closes cleanly.
 */
public final class TestServer {
    private TestServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("NEO4J_PASSWORD must be set in the environment (8+ characters)");
        }
        Path dir = Path.of(require(opts, "dir")).toAbsolutePath();
        Files.createDirectories(dir);
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(dir)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port(opts, "bolt-port")))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port(opts, "bolt-port")))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", port(opts, "http-port")))
                .withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", port(opts, "http-port")))
                // the harness defaults to an 8 MB page cache, far too small to load a corpus at speed
                .withConfig(GraphDatabaseSettings.pagecache_memory, bytes(opts.getOrDefault("pagecache", "512m")))
                .withConfig(GraphDatabaseSettings.plugin_dir, Path.of(require(opts, "plugins")).toAbsolutePath())
                .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .withConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // no usage reports: the machines that run the tests reach no host but package registries
                .withConfig(GraphDatabaseSettings.udc_enabled, false);
        if (opts.containsKey("from")) {
            builder = builder.copyFrom(Path.of(opts.get("from")).toAbsolutePath());
        }
        Neo4j server = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "test-server-stop"));
        // The password is a parameter of an administration command on the system database: never in a log line.
        server.databaseManagementService().database("system").executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        String bolt = "bolt://127.0.0.1:" + server.boltURI().getPort();
        if (opts.containsKey("ready")) {
            Path ready = Path.of(opts.get("ready"));
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, bolt + "\n" + server.httpURI() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("Neo4j test server ready: " + bolt + " (HTTP " + server.httpURI() + ")");
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                fail("usage: TestServer --dir DIR --bolt-port N --http-port N --plugins DIR [--from HOME] [--pagecache SIZE] [--ready FILE]; got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            fail("missing --" + name);
        }
        return value;
    }

    private static int port(Map<String, String> opts, String name) {
        try {
            int port = Integer.parseInt(require(opts, name));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--" + name + " must be a port number, got " + opts.get(name));
            return -1;
        }
    }

    /** "512m", "2g", "1048576" as bytes. */
    private static long bytes(String text) {
        String t = text.trim().toLowerCase();
        char unit = t.charAt(t.length() - 1);
        long n = Long.parseLong(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1));
        return switch (unit) {
            case 'k' -> ByteUnit.kibiBytes(n);
            case 'm' -> ByteUnit.mebiBytes(n);
            case 'g' -> ByteUnit.gibiBytes(n);
            default -> n;
        };
    }

    private static void fail(String message) {
        System.err.println("TestServer: " + message);
        System.exit(2);
    }
}
