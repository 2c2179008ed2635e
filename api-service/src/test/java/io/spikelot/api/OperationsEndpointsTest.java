package io.spikelot.api;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and client generators rely on: probes, metrics, the OpenAPI description. */
@ApiIntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void readinessCoversTheDatabaseAndTheBrokerAndNeedsNoKey() {
        ApiHttp.Response readiness = ApiHttp.onPort(port).get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(ApiHttp.onPort(port).get("/actuator/health/liveness", null).status())
                .isEqualTo(200);
    }

    @Test
    void prometheusShowsJobsByStatusQueueDepthAndSubmissions() {
        ApiHttp http = ApiHttp.onPort(port);
        assertThat(http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("metered"))
                        .status())
                .isEqualTo(201);

        String metrics = http.get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("spikelot_jobs{status=\"QUEUED\"}");
        assertThat(metrics).contains("spikelot_queue_depth{queue=");
        assertThat(metrics).contains("spikelot_jobs_submitted_total{type=\"slt\"}");
    }

    @Test
    void theOpenApiDescriptionListsTheJobEndpoints() {
        ApiHttp.Response docs = ApiHttp.onPort(port).get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/jobs",
                        "/api/v1/jobs/{id}",
                        "/api/v1/jobs/{id}/cancel",
                        "/api/v1/jobs/{id}/artifacts",
                        "/api/v1/jobs/{id}/artifacts/{name}");
    }
}
