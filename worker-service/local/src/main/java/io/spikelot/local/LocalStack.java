package io.spikelot.local;

import io.spikelot.api.ApiApplication;
import io.spikelot.api.embedded.EmbeddedBroker;
import io.spikelot.api.embedded.EmbeddedDatabase;
import io.spikelot.worker.WorkerApplication;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command local run: an embedded PostgreSQL and AMQP broker, the API and a CPU worker in one JVM, on a
 * machine with nothing but a JDK. Prints the API address and a fresh API key; Ctrl-C stops everything.
 */
public final class LocalStack implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final String apiUrl;
    private final String apiKey;

    private LocalStack(String apiUrl, String apiKey) {
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("SPIKELOT_LOCAL_PORT", "8080"));
        String datasets = System.getenv().getOrDefault("SPIKELOT_DATASETS_ROOT", "/usr/share/datasets");
        LocalStack stack = start(port, datasets);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            System.out.println("Spikelot local stack stopped.");
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        stack.printWelcome();
        if (!List.of(args).contains("--no-demo")) {
            new DemoJob(stack.apiUrl, stack.apiKey, datasets).run();
        }
        stopped.await();
    }

    /** Starts database, broker, API (on {@code port}) and one CPU worker. */
    public static LocalStack start(int port, String datasetsRoot) throws Exception {
        String apiKey = randomHex(16);
        String workerToken = randomHex(16);
        LocalStack stack = new LocalStack("http://127.0.0.1:" + port, apiKey);
        try {
            EmbeddedDatabase database = stack.track(EmbeddedDatabase.start(0, null));
            EmbeddedBroker broker = stack.track(EmbeddedBroker.start(0));
            String rabbitPort = "--spring.rabbitmq.port=" + broker.port();
            // no per-context shutdown hooks: the stack's own hook stops worker, API, broker and database in order
            stack.track(new SpringApplicationBuilder(ApiApplication.class)
                    .registerShutdownHook(false)
                    .run(
                            "--server.port=" + port,
                            "--spring.datasource.url=" + database.jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.rabbitmq.host=127.0.0.1",
                            rabbitPort,
                            "--spikelot.api-keys=local:" + apiKey,
                            // a local stack's webhook receivers live on this machine or its network
                            "--spikelot.webhooks.allow-private=true",
                            // the embedded broker logs every declaration at INFO; only its warnings interest a user
                            "--logging.level.qpid=WARN",
                            "--logging.level.org.apache.qpid=WARN",
                            "--spikelot.worker-token=" + workerToken));
            stack.track(new SpringApplicationBuilder(WorkerApplication.class)
                    .properties(WorkerApplication.CONFIG_NAME)
                    .registerShutdownHook(false)
                    .run(
                            "--server.port=0",
                            "--spring.rabbitmq.host=127.0.0.1",
                            rabbitPort,
                            "--spikelot.api-url=" + stack.apiUrl,
                            "--spikelot.worker-token=" + workerToken,
                            "--spikelot.datasets-root=" + datasetsRoot,
                            "--spikelot.worker.resource-class=cpu",
                            "--logging.level.qpid=WARN",
                            "--logging.level.org.apache.qpid=WARN"));
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    private ConfigurableApplicationContext track(ConfigurableApplicationContext context) {
        started.add(context::close);
        return context;
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    private void printWelcome() {
        System.out.printf(
                """

                Spikelot is running.
                  API:        %1$s   (OpenAPI UI: %1$s/swagger-ui.html)
                  Dashboard:  %1$s/ui/   (sign in with the key below)
                  API key:    %2$s   (tenant "local"; new at every start)
                  Try:        curl -s -H 'Authorization: Bearer %2$s' %1$s/api/v1/jobs
                Press Ctrl-C to stop; nothing keeps running after it.

                """,
                apiUrl, apiKey);
    }

    /** Stops the worker, the API, the broker and the database, in that order. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
        started.clear();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
