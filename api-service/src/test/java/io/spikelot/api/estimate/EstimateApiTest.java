package io.spikelot.api.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class EstimateApiTest {

    @LocalServerPort
    int port;

    @Test
    void vgg9OnCifar10ReproducesThePaperCountsAndEnergies() {
        JsonNode report = estimate(
                        """
                {"model": {"architecture": "vgg9", "timesteps": 4}, "dataset": {"name": "cifar10"},
                 "firingRate": 0.155}""")
                .json();

        assertThat(report.get("parameters").asLong()).isEqualTo(2_261_184L);
        assertThat(report.at("/energy").toString()).contains("4.6").contains("0.9");
        assertThat(report.get("layers").size()).isGreaterThan(5);
        assertThat(report.at("/effort/sAce").asDouble())
                .isCloseTo(report.get("macs").asDouble() * 4 * 16 * 1, within(1.0));
    }

    @Test
    void anArchitectureThatDoesNotFitTheDatasetIsRefusedNamingTheField() {
        ApiHttp.Response response = estimate(
                """
                {"model": {"architecture": "vgg9"},
                 "dataset": {"name": "synthetic-static", "channels": 1, "height": 4, "width": 4, "classes": 10}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("model.architecture");
    }

    @Test
    void aJobWhoseArchitectureCannotTakeTheDatasetIsRefusedAtSubmit() {
        ApiHttp.Response response = ApiHttp.onPort(port)
                .postJson(
                        "/api/v1/jobs",
                        TestKeys.KEY_A,
                        """
                {"type": "slt", "name": "dvs on images", "model": {"architecture": "spikformer-dvs"},
                 "dataset": {"name": "cifar10"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("model.architecture");
    }

    private ApiHttp.Response estimate(String body) {
        return ApiHttp.onPort(port).postJson("/api/v1/estimates", TestKeys.KEY_A, body);
    }
}
