package io.spikelot.api.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J, in-memory, guest/guest on 127.0.0.1) for the one-command
 * local run and for tests on machines without RabbitMQ or Docker. Needs Qpid on the classpath, which the
 * executable API jar leaves out.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher = new SystemLauncher();
    private final Path workDir;
    private final int port;

    private EmbeddedBroker(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts a broker on {@code port}, or on a free port when it is 0. */
    public static EmbeddedBroker start(int port) throws Exception {
        int chosen = port == 0 ? freePort() : port;
        EmbeddedBroker broker = new EmbeddedBroker(Files.createTempDirectory("spikelot-broker"), chosen);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put(
                "initialConfigurationLocation",
                EmbeddedBroker.class.getResource("/embedded/qpid-config.json").toExternalForm());
        // Qpid's default is a classpath: URL, which the executable jar's class loader cannot open
        attributes.put(
                "initialSystemPropertiesLocation",
                EmbeddedBroker.class
                        .getResource("/embedded/qpid-system.properties")
                        .toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put(
                "context",
                Map.of(
                        "qpid.amqp_port", String.valueOf(chosen),
                        "qpid.work_dir", broker.workDir.toString(),
                        "qpid.home_dir", broker.workDir.toString(),
                        // x-dead-letter-exchange is RabbitMQ's: the embedded broker logs and ignores it instead of
                        // refusing
                        "queue.behaviourOnUnknownDeclareArgument", "LOG"));
        broker.launcher.startup(attributes);
        return broker;
    }

    public int port() {
        return port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        launcher.shutdown();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
