package io.spikelot.api.testing;

import io.spikelot.api.embedded.EmbeddedBroker;
import io.spikelot.api.embedded.EmbeddedDatabase;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Decides once per test JVM where PostgreSQL and RabbitMQ come from, and says so on standard output:
 *
 * <ol>
 *   <li>{@code ENV}: the services named by {@code SPRING_DATASOURCE_URL} / {@code SPRING_RABBITMQ_HOST} (what CI
 *       sets);
 *   <li>{@code DOCKER}: Testcontainers, when a Docker engine answers;
 *   <li>{@code EMBEDDED}: real PostgreSQL binaries (zonky) and an in-process AMQP 0-9-1 broker (Qpid).
 * </ol>
 *
 * {@code SPIKELOT_TEST_INFRA=env|docker|embedded} forces a mode. Integration tests never skip: a mode that cannot
 * start fails them.
 */
public final class TestInfra {

    public enum Mode {
        ENV,
        DOCKER,
        EMBEDDED
    }

    public static final Mode MODE = detect();

    private static Map<String, String> connection;

    private TestInfra() {}

    private static Mode detect() {
        String forced = System.getenv("SPIKELOT_TEST_INFRA");
        Mode mode;
        if (forced != null && !forced.isBlank()) {
            mode = Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        } else if (System.getenv("SPRING_DATASOURCE_URL") != null || System.getenv("SPRING_RABBITMQ_HOST") != null) {
            mode = Mode.ENV;
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            mode = Mode.DOCKER;
        } else {
            mode = Mode.EMBEDDED;
        }
        System.out.println("[test-infra] PostgreSQL and RabbitMQ for integration tests: " + mode);
        return mode;
    }

    /** Spring properties that connect to this run's PostgreSQL and broker; starts them on first use. */
    public static synchronized Map<String, String> connection() {
        if (connection == null) {
            connection = switch (MODE) {
                case ENV -> fromEnvironment();
                case DOCKER -> DockerServices.connection();
                case EMBEDDED -> EmbeddedServices.connection();
            };
        }
        return connection;
    }

    /**
     * Properties that give one application context its own database schema and broker names, so contexts that
     * live side by side (cached test contexts, an API restarted mid-test) never see each other's data or messages.
     */
    public static Map<String, String> isolation(String namespace) {
        return Map.of(
                "spring.datasource.hikari.schema", namespace,
                "spring.flyway.schemas", namespace,
                "spring.jpa.properties.hibernate.default_schema", namespace,
                "spikelot.broker.prefix", namespace);
    }

    /** Removes a namespace's schema and broker topology, for tests that manage contexts themselves. */
    public static void dropNamespace(String namespace) {
        Map<String, String> c = connection();
        try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection(
                        c.get("spring.datasource.url"),
                        c.get("spring.datasource.username"),
                        c.get("spring.datasource.password"));
                java.sql.Statement statement = jdbc.createStatement()) {
            statement.execute("drop schema if exists \"" + namespace + "\" cascade");
        } catch (java.sql.SQLException e) {
            System.err.println("[test-infra] could not drop schema " + namespace + ": " + e);
        }
        var connections = new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(
                c.get("spring.rabbitmq.host"), Integer.parseInt(c.get("spring.rabbitmq.port")));
        connections.setUsername(c.get("spring.rabbitmq.username"));
        connections.setPassword(c.get("spring.rabbitmq.password"));
        try {
            var admin = new org.springframework.amqp.rabbit.core.RabbitAdmin(connections);
            var topology = new io.spikelot.model.messaging.Topology(namespace);
            topology.queues().forEach(q -> admin.deleteQueue(q.name()));
            topology.exchanges().forEach(e -> admin.deleteExchange(e.name()));
        } finally {
            connections.destroy();
        }
    }

    public static String newNamespace() {
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        return "t" + HexFormat.of().formatHex(random);
    }

    private static Map<String, String> fromEnvironment() {
        Map<String, String> env = System.getenv();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(
                "spring.datasource.url",
                env.getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        properties.put("spring.datasource.username", env.getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));
        properties.put("spring.datasource.password", env.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        properties.put("spring.rabbitmq.host", env.getOrDefault("SPRING_RABBITMQ_HOST", "127.0.0.1"));
        properties.put("spring.rabbitmq.port", env.getOrDefault("SPRING_RABBITMQ_PORT", "5672"));
        properties.put("spring.rabbitmq.username", env.getOrDefault("SPRING_RABBITMQ_USERNAME", "guest"));
        properties.put("spring.rabbitmq.password", env.getOrDefault("SPRING_RABBITMQ_PASSWORD", "guest"));
        return properties;
    }

    /** Containers started once per JVM and shared by every context; Ryuk removes them when the JVM ends. */
    static final class DockerServices {
        static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:15-alpine");
        static final RabbitMQContainer RABBIT = new RabbitMQContainer("rabbitmq:3.13-management-alpine");

        static Map<String, String> connection() {
            POSTGRES.start();
            RABBIT.start();
            return Map.of(
                    "spring.datasource.url", POSTGRES.getJdbcUrl(),
                    "spring.datasource.username", POSTGRES.getUsername(),
                    "spring.datasource.password", POSTGRES.getPassword(),
                    "spring.rabbitmq.host", RABBIT.getHost(),
                    "spring.rabbitmq.port", String.valueOf(RABBIT.getAmqpPort()),
                    "spring.rabbitmq.username", RABBIT.getAdminUsername(),
                    "spring.rabbitmq.password", RABBIT.getAdminPassword());
        }
    }

    /** Embedded PostgreSQL and broker, started once per JVM and stopped when it ends. */
    static final class EmbeddedServices {
        static Map<String, String> connection() {
            try {
                EmbeddedDatabase database = EmbeddedDatabase.start(0, null);
                EmbeddedBroker broker = EmbeddedBroker.start(0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    broker.close();
                    try {
                        database.close();
                    } catch (Exception e) {
                        System.err.println("Embedded PostgreSQL did not stop cleanly: " + e);
                    }
                }));
                return Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "",
                        "spring.rabbitmq.host", "127.0.0.1",
                        "spring.rabbitmq.port", String.valueOf(broker.port()),
                        "spring.rabbitmq.username", "guest",
                        "spring.rabbitmq.password", "guest");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded PostgreSQL and broker", e);
            }
        }
    }
}
