package io.spikelot.api.quota;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.FakeWorker;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Tenant quotas under concurrency: tenant A may have 10 queued CPU jobs (and 2 handed to workers), tenant B 1
 * running one; the limits come from per-tenant overrides over the defaults.
 */
@ApiIntegrationTest
@TestPropertySource(
        properties = {
            // a context of its own next to the shared one: few connections, PostgreSQL is shared
            "spring.datasource.hikari.maximum-pool-size=4",
            "spring.datasource.hikari.minimum-idle=1",
            "spikelot.quotas.default.max-queued=500",
            "spikelot.quotas.tenants.tenant-a.cpu.max-queued=10",
            "spikelot.quotas.tenants.tenant-a.cpu.max-running=2",
            "spikelot.quotas.tenants.tenant-b.cpu.max-running=1",
            "spikelot.quotas.retry-after=15s"
        })
class QuotaTest {

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    Topology topology;

    @Test
    void fiftyParallelSubmitsAtAQuotaOfTenAcceptExactlyTen() throws Exception {
        ApiHttp http = ApiHttp.onPort(port);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiHttp.Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String name = "quota-" + i;
                Callable<ApiHttp.Response> submit = () -> {
                    go.await();
                    return http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec(name));
                };
                calls.add(pool.submit(submit));
            }
            go.countDown();
            List<ApiHttp.Response> responses = new ArrayList<>();
            for (Future<ApiHttp.Response> call : calls) {
                responses.add(call.get());
            }
            assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(10);
            List<ApiHttp.Response> refused =
                    responses.stream().filter(r -> r.status() != 201).toList();
            assertThat(refused).hasSize(40).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(429);
                assertThat(r.header("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.json().get("type").asString()).isEqualTo("urn:spikelot:problem:quota-exceeded");
                assertThat(r.header("Retry-After")).contains("15");
            });
        } finally {
            pool.shutdownNow();
        }

        // nothing half-created: exactly ten jobs exist
        assertThat(http.get("/api/v1/jobs?size=100", TestKeys.KEY_A)
                        .json()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(10);
        // a retry with an Idempotency-Key is refused like any other new job while the queue is full
        ApiHttp.Response keyed = http.request("POST", "/api/v1/jobs")
                .bearer(TestKeys.KEY_A)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "over-quota")
                .body(anSltSpec("keyed"))
                .send();
        assertThat(keyed.status()).isEqualTo(429);

        String metrics = http.get("/actuator/prometheus", null).body();
        assertThat(metrics)
                .containsPattern("spikelot_quota_rejections_total\\{[^}]*resource_class=\"cpu\"[^}]*tenant=\"tenant-a\""
                        + "[^}]*} 41\\.0");
    }

    @Test
    void aJobOverTheRunningQuotaWaitsUndispatchedUntilASlotFrees() {
        ApiHttp http = ApiHttp.onPort(port);
        FakeWorker worker = new FakeWorker(rabbit, topology);
        UUID first = submit(http, "running-1");
        UUID second = submit(http, "running-2");

        worker.takeDispatch(first, Duration.ofSeconds(10));
        assertThatThrownBy(() -> worker.takeDispatch(second, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No dispatch");
        assertThat(http.get("/api/v1/jobs/" + second, TestKeys.KEY_B)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("QUEUED");

        worker.send(first, 1, 1, EventKind.STARTED);
        worker.send(first, 1, 2, EventKind.SUCCEEDED);
        worker.takeDispatch(second, Duration.ofSeconds(10));
    }

    private static UUID submit(ApiHttp http, String name) {
        ApiHttp.Response created = http.postJson("/api/v1/jobs", TestKeys.KEY_B, anSltSpec(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }
}
