package io.spikelot.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.model.graph.ModelGraphs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PyTorch loader and the model.json schema are served without a key, byte for byte as shared-model ships them,
 * while the API itself still refuses a request without one.
 */
@ApiIntegrationTest
class ClientFilesTest {

    @LocalServerPort
    int port;

    private ApiHttp http;

    @BeforeEach
    void client() {
        http = ApiHttp.onPort(port);
    }

    @Test
    void theLoaderIsServedWithoutAKey() throws IOException {
        ApiHttp.Response response =
                http.request("GET", "/clients/spikelot_torch.py").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(resource("/io/spikelot/clients/spikelot_torch.py"));
        assertThat(response.body()).contains("def load(");
    }

    @Test
    void theModelSchemaIsServedWithoutAKeyWhereModelJsonSaysItIs() throws IOException {
        ApiHttp.Response response = http.request("GET", ModelGraphs.SCHEMA_PATH).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/schema+json"));
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(response.body())
                        .get("title")
                        .asString())
                .isEqualTo("Spikelot model.json");
    }

    @Test
    void theApiStillNeedsAKey() {
        assertThat(http.request("GET", "/api/v1/jobs").send().status()).isEqualTo(401);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClientFilesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
