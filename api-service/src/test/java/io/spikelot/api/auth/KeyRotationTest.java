package io.spikelot.api.auth;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.FakeWorker;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.Topology;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rotating a tenant's API key as the README says (list old and new, move clients, list only the new) keeps every
 * step working and loses no job in flight; the old key is refused at the end.
 */
@ApiIntegrationTest
class KeyRotationTest {

    private static final String BASE =
            TestKeys.TENANT_A + ":" + TestKeys.KEY_A + "," + TestKeys.TENANT_B + ":" + TestKeys.KEY_B;
    private static final String OLD = "rotating-tenant-old-key-0001";
    private static final String NEW = "rotating-tenant-new-key-0002";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    Topology topology;

    @AfterEach
    void restoreTheTestKeys() {
        keys.syncBootstrapKeys(BASE);
    }

    @Test
    void eachStepOfARotationWorksAndTheJobInFlightFinishes() {
        ApiHttp http = ApiHttp.onPort(port);
        FakeWorker worker = new FakeWorker(rabbit, topology);
        keys.syncBootstrapKeys(BASE + ",rotating:" + OLD);
        ApiHttp.Response created = http.postJson("/api/v1/jobs", OLD, anSltSpec("in flight through a rotation"));
        assertThat(created.status()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        worker.takeDispatch(id, Duration.ofSeconds(10));
        worker.send(id, 1, 1, EventKind.STARTED);

        // 1. add the new key next to the old one: both work, and see the same jobs
        keys.syncBootstrapKeys(BASE + ",rotating:" + OLD + ",rotating:" + NEW);
        assertThat(http.get("/api/v1/jobs/" + id, OLD).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/jobs/" + id, NEW).status()).isEqualTo(200);

        // 2. clients switch; 3. the old key is no longer listed: revoked at once
        keys.syncBootstrapKeys(BASE + ",rotating:" + NEW);
        assertThat(http.get("/api/v1/jobs/" + id, OLD).status()).isEqualTo(401);

        worker.send(id, 1, 2, EventKind.SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/jobs/" + id, NEW)
                .json()
                .get("status")
                .asString()
                .equals("SUCCEEDED"));
        assertThat(http.get("/api/v1/jobs/" + id, NEW).json().get("attempt").asInt())
                .isEqualTo(1);
    }
}
