package io.spikelot.api.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ticket options of slt specs at submit: method-dependent weights, binary activations, repeats. */
@ApiIntegrationTest
class TicketSpecApiTest {

    @LocalServerPort
    int port;

    ApiHttp http;

    @BeforeEach
    void setUp() {
        http = ApiHttp.onPort(port);
    }

    private ApiHttp.Response submit(String body) {
        return http.postJson("/api/v1/jobs", TestKeys.KEY_A, body);
    }

    private static String slt(String model, String search, String training) {
        return """
                {"type": "slt", "name": "tickets",
                 "model": {"architecture": "convnet-s"%s},
                 "dataset": {"name": "synthetic-static", "trainLimit": 64, "testLimit": 32},
                 "training": {"epochs": 1, "batchSize": 16%s},
                 "search": {%s}}"""
                .formatted(model, training, search);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"method\": \"edge-popup\"|signed-constant",
                "\"method\": \"biprop\"|kaiming-normal-scaled",
                "\"pruneRatio\": 0.3|kaiming-normal-scaled",
                "\"method\": \"biprop\", \"weightInit\": \"signed-constant\"|signed-constant"
            })
    void eachMethodGetsItsReferencesWeightsUnlessTold(String search, String weightInit) {
        ApiHttp.Response created = submit(slt("", search, ""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/spec/search/weightInit").asString()).isEqualTo(weightInit);
        assertThat(created.json().at("/spec/model/detachReset").asBoolean()).isTrue();
    }

    @Test
    void binaryActivationsAndRepeatsAreAccepted() {
        ApiHttp.Response created = submit(slt(", \"neuron\": \"sign\"", "\"method\": \"biprop\"", ", \"repeats\": 3"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/spec/model/neuron").asString()).isEqualTo("sign");
        assertThat(created.json().at("/spec/training/repeats").asInt()).isEqualTo(3);
    }

    @Test
    void repeatsOutOfRangeAreRefusedByName() {
        JsonNode problem = submit(slt("", "", ", \"repeats\": 11")).json();

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("training.repeats");
    }

    @Test
    void repeatsAndSignActivationsBelongToSltJobsOnly() {
        JsonNode qsnn = submit(
                        """
                        {"type": "qsnn", "name": "q", "model": {"architecture": "convnet-s"},
                         "dataset": {"name": "fashion-mnist"}, "training": {"repeats": 2},
                         "quantization": {"allocations": [{"weightBits": 4, "spikeBits": 2, "timesteps": 1}]}}""")
                .json();
        JsonNode qsnnSign = submit(
                        """
                        {"type": "qsnn", "name": "q", "model": {"architecture": "convnet-s", "neuron": "sign"},
                         "dataset": {"name": "fashion-mnist"},
                         "quantization": {"allocations": [{"weightBits": 4, "spikeBits": 2, "timesteps": 1}]}}""")
                .json();
        JsonNode imp = submit(
                        """
                        {"type": "imp", "name": "i", "model": {"architecture": "convnet-s", "neuron": "sign"},
                         "dataset": {"name": "mnist"}}""")
                .json();

        assertThat(qsnn.get("status").asInt()).isEqualTo(400);
        assertThat(qsnn.at("/errors/0/field").asString()).isEqualTo("training.repeats");
        assertThat(qsnnSign.get("status").asInt()).isEqualTo(400);
        assertThat(qsnnSign.at("/errors/0/field").asString()).isEqualTo("model.neuron");
        assertThat(imp.get("status").asInt()).isEqualTo(400);
        assertThat(imp.at("/errors/0/field").asString()).isEqualTo("model.neuron");
    }
}
