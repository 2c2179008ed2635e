package io.spikelot.local;

import io.spikelot.api.ApiApplication;
import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TcpProxy;
import io.spikelot.api.testing.TestInfra;
import io.spikelot.api.testing.TestInfraInitializer;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.worker.WorkerApplication;
import java.net.ServerSocket;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API and one worker in this JVM against this run's real PostgreSQL and broker, in a namespace of their own.
 * Each service reaches the broker through a {@link TcpProxy} of its own, so a test can take the broker away from the
 * API alone or from both; either service can be stopped and started again, with other credentials.
 */
final class TwoServiceStack implements AutoCloseable {

    private final String namespace = TestInfra.newNamespace();
    private final int apiPort;
    private final TcpProxy brokerProxy;
    private final TcpProxy workerBrokerProxy;
    private String apiWorkerTokens = TestKeys.WORKER_TOKEN;
    private String workerToken = TestKeys.WORKER_TOKEN;
    private ConfigurableApplicationContext api;
    private ConfigurableApplicationContext worker;
    private final boolean scripted;

    /** With the scripted test pipeline in place of the real {@code slt} pipeline. */
    TwoServiceStack() throws Exception {
        this(true);
    }

    /** @param scripted whether the worker runs the scripted test pipeline instead of the real {@code slt} one */
    TwoServiceStack(boolean scripted) throws Exception {
        this.scripted = scripted;
        try (ServerSocket socket = new ServerSocket(0)) {
            apiPort = socket.getLocalPort();
        }
        var connection = TestInfra.connection();
        brokerProxy = new TcpProxy(
                connection.get("spring.rabbitmq.host"), Integer.parseInt(connection.get("spring.rabbitmq.port")));
        workerBrokerProxy = new TcpProxy(
                connection.get("spring.rabbitmq.host"), Integer.parseInt(connection.get("spring.rabbitmq.port")));
    }

    void startApi() {
        startApi(new String[0]);
    }

    /** Starts the API with {@code extraArguments} (e.g. {@code --spikelot.quotas.default.max-queued=...}) last. */
    void startApi(String... extraArguments) {
        TestInfraInitializer infra = new TestInfraInitializer(namespace, false)
                .override("spring.rabbitmq.host", "127.0.0.1")
                .override("spring.rabbitmq.port", String.valueOf(brokerProxy.port()));
        api = new SpringApplicationBuilder(ApiApplication.class)
                .initializers(infra)
                .run(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        "--server.port=" + apiPort,
                                        "--spikelot.api-keys=" + TestKeys.TENANT_A + ":" + TestKeys.KEY_A,
                                        "--spikelot.worker-token=" + apiWorkerTokens,
                                        "--spikelot.webhooks.allow-private=true",
                                        "--spikelot.jobs.lease=5s",
                                        "--spikelot.jobs.reaper-interval=500ms",
                                        "--spring.rabbitmq.connection-timeout=2s"),
                                java.util.Arrays.stream(extraArguments))
                        .toArray(String[]::new));
    }

    /** The worker tokens the API accepts from its next start: one, or during a rotation {@code new,old}. */
    void apiWorkerTokens(String tokens) {
        apiWorkerTokens = tokens;
    }

    /** The token the worker uses from its next start. */
    void workerToken(String token) {
        workerToken = token;
    }

    /** Takes the broker away from both services, as a broker outage would. */
    void cutBroker() {
        brokerProxy.cut();
        workerBrokerProxy.cut();
    }

    void healBroker() {
        brokerProxy.heal();
        workerBrokerProxy.heal();
    }

    void stopApi() {
        api.close();
        api = null;
    }

    void startWorker() {
        SpringApplicationBuilder builder = scripted
                ? new SpringApplicationBuilder(WorkerApplication.class, ScriptedPipelineConfiguration.class)
                : new SpringApplicationBuilder(WorkerApplication.class);
        worker = builder.properties(WorkerApplication.CONFIG_NAME)
                .initializers(new TestInfraInitializer(namespace, false)
                        .override("spring.rabbitmq.host", "127.0.0.1")
                        .override("spring.rabbitmq.port", String.valueOf(workerBrokerProxy.port())))
                .run(
                        "--server.port=0",
                        "--spikelot.api-url=http://127.0.0.1:" + apiPort,
                        "--spikelot.worker-token=" + workerToken,
                        "--spikelot.worker.progress-interval=1s",
                        "--spikelot.worker.id=e2e-worker",
                        "--spikelot.datasets-root=/usr/share/datasets");
    }

    void stopWorker() {
        worker.close();
        worker = null;
    }

    ConfigurableApplicationContext api() {
        return api;
    }

    TcpProxy brokerProxy() {
        return brokerProxy;
    }

    /** The database schema and broker prefix of this stack. */
    String namespace() {
        return namespace;
    }

    ApiHttp http() {
        return ApiHttp.onPort(apiPort);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() throws Exception {
        if (worker != null) {
            stopWorker();
        }
        if (api != null) {
            stopApi();
        }
        brokerProxy.close();
        workerBrokerProxy.close();
        TestInfra.dropNamespace(namespace);
    }

    /** Registers the test-only pipeline in the worker. */
    @Configuration(proxyBeanMethods = false)
    static class ScriptedPipelineConfiguration {
        @Bean
        ScriptedPipeline scriptedPipeline() {
            return new ScriptedPipeline();
        }
    }
}
