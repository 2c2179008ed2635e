package io.spikelot.api.job;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class JobApiTest {

    @LocalServerPort
    int port;

    ApiHttp http;

    @BeforeEach
    void setUp() {
        http = ApiHttp.onPort(port);
    }

    @Test
    void submitStoresTheJobWithDefaultsAndReturnsItsLocation() {
        ApiHttp.Response created = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("first"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.json();
        assertThat(created.header("Location"))
                .contains("/api/v1/jobs/" + job.get("id").asString());
        assertThat(job.get("status").asString()).isEqualTo("QUEUED");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.at("/spec/search/pruneRatio").asDouble()).isEqualTo(0.5);
        assertThat(job.at("/spec/model/timesteps").asInt()).isEqualTo(4);

        JsonNode read = http.get("/api/v1/jobs/" + job.get("id").asString(), TestKeys.KEY_A)
                .json();
        assertThat(read.get("name").asString()).isEqualTo("first");
        assertThat(read.get("createdAt").isNull()).isFalse();
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheSameJobAndAnotherBodyConflicts() {
        String key = "idem-" + System.nanoTime();
        ApiHttp.Response first = submitWithKey(key, anSltSpec("idempotent"));
        ApiHttp.Response again = submitWithKey(key, anSltSpec("idempotent"));
        ApiHttp.Response other = submitWithKey(key, anSltSpec("another body"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:spikelot:problem:idempotency-key-reused");
    }

    @Test
    void listingIsNewestFirstWithTotalsAndFilters() {
        String marker = "list-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            http.postJson("/api/v1/jobs", TestKeys.KEY_B, anSltSpec(marker + "-" + i));
        }

        JsonNode page = http.get("/api/v1/jobs?type=slt&status=queued&page=0&size=2", TestKeys.KEY_B)
                .json();

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.at("/items/0/name").asString()).isEqualTo(marker + "-2");
        assertThat(page.at("/items/1/name").asString()).isEqualTo(marker + "-1");
    }

    @Test
    void cancellingAQueuedJobEndsItAndCancellingAgainConflicts() {
        String id = http.postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec("to cancel"))
                .json()
                .get("id")
                .asString();

        ApiHttp.Response cancelled = http.request("POST", "/api/v1/jobs/" + id + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();
        ApiHttp.Response again = http.request("POST", "/api/v1/jobs/" + id + "/cancel")
                .bearer(TestKeys.KEY_A)
                .send();

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("finishedAt").isNull()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:spikelot:problem:job-finished");
    }

    private ApiHttp.Response submitWithKey(String key, String spec) {
        return http.request("POST", "/api/v1/jobs")
                .bearer(TestKeys.KEY_A)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .body(spec)
                .send();
    }
}
