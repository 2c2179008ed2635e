package io.spikelot.api.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class EstimateApiTest {

    /** Energies are sums of a few exact decimal products: far below a picojoule of rounding, in mJ. */
    private static final double MJ = 1e-12;

    @LocalServerPort
    int port;

    /**
     * SLT's VGG9 on CIFAR-10 at T = 4 and firing rate 0.155, with the default W = 16 and S = 1. The figures below are
     * worked out by hand from the layer shapes; the paper reports 2.26 M parameters, 0.708 mJ (ANN) and 0.093 mJ (SNN).
     */
    @Test
    void vgg9OnCifar10ReproducesThePaperCountsAndEnergies() {
        JsonNode report = estimate(
                        """
                {"model": {"architecture": "vgg9", "timesteps": 4}, "dataset": {"name": "cifar10"},
                 "firingRate": 0.155}""")
                .json();

        // 3·64·9 + 64·64·9 + 64·128·9 + 128·128·9 + 128·256·9 + 256·256·9 (convs, no bias)
        // + 4,096·256 + 256·256 + 256·10 (FCs) = 2,261,184
        assertThat(report.get("parameters").asLong()).isEqualTo(2_261_184L);
        // conv MACs = parameters · output pixels: 1,728·32² + 36,864·32² + 73,728·16² + 147,456·16² + 294,912·8²
        // + 589,824·8² = 1,769,472 + 37,748,736 + 18,874,368 + 37,748,736 + 18,874,368 + 37,748,736
        assertThat(layerMacs(report))
                .containsExactly(
                        entry("conv1", 1_769_472L),
                        entry("conv2", 37_748_736L),
                        entry("conv3", 18_874_368L),
                        entry("conv4", 37_748_736L),
                        entry("conv5", 18_874_368L),
                        entry("conv6", 37_748_736L),
                        entry("fc1", 1_048_576L),
                        entry("fc2", 65_536L),
                        entry("head", 2_560L));
        // 152,764,416 (convs) + 1,116,672 (FCs) = 153,881,088
        assertThat(report.get("macs").asLong()).isEqualTo(153_881_088L);

        JsonNode energy = report.get("energy");
        // ANN: 153,881,088 · 4.6 pJ = 707,853,004.8 pJ
        assertThat(energy.get("annEnergyMj").asDouble()).isCloseTo(0.7078530048, within(MJ));
        // SNN: the encoder conv1 at MAC cost, 1,769,472 · 4.6 = 8,139,571.2 pJ; the rest are accumulates,
        // (153,881,088 − 1,769,472) · 0.155 · 4 = 94,309,201.92 SOPs · 0.9 pJ = 84,878,281.728 pJ
        assertThat(energy.get("snnEncodingEnergyMj").asDouble()).isCloseTo(0.0081395712, within(MJ));
        assertThat(energy.get("sops").asDouble()).isCloseTo(94_309_201.92, within(1e-4));
        assertThat(energy.get("snnSynapticEnergyMj").asDouble()).isCloseTo(0.084878281728, within(MJ));
        assertThat(energy.get("snnEnergyMj").asDouble()).isCloseTo(0.093017852928, within(MJ));
        // the paper's rounded figures
        assertThat(energy.get("annEnergyMj").asDouble()).isCloseTo(0.708, within(0.0005));
        assertThat(energy.get("snnEnergyMj").asDouble()).isCloseTo(0.093, within(0.0005));

        // S-ACE = weight MACs · T · W · S = 153,881,088 · 4 · 16 · 1 = 9,848,389,632 bit-operations
        assertThat(report.at("/effort/bitBudget/bitsPerSynapse").asLong()).isEqualTo(64);
        assertThat(report.at("/effort/sAce").asLong()).isEqualTo(9_848_389_632L);

        // the per-layer table: conv1 reads the analog image, the rest binary spikes at 0.155; its columns add up
        JsonNode conv1 = layer(report, "conv1");
        assertThat(conv1.get("inputKind").asString()).isEqualTo("analog");
        assertThat(conv1.get("snnEnergyPj").asDouble()).isCloseTo(8_139_571.2, within(1e-6));
        JsonNode conv2 = layer(report, "conv2");
        assertThat(conv2.get("inputKind").asString()).isEqualTo("spikes");
        assertThat(conv2.get("inputFiringRate").asDouble()).isEqualTo(0.155);
        assertThat(conv2.get("inputMeanLevel").asDouble()).isEqualTo(0.155);
        assertThat(column(report, "snnEnergyPj") / 1e9).isCloseTo(0.093017852928, within(MJ));
        assertThat(column(report, "annEnergyPj") / 1e9).isCloseTo(0.7078530048, within(MJ));
        assertThat(column(report, "sops")).isCloseTo(94_309_201.92, within(1e-4));
        assertThat(column(report, "sAce")).isEqualTo(9_848_389_632.0);
        assertThat(column(report, "nsAce")).isCloseTo(report.at("/effort/nsAce").asDouble(), within(1e-3));
    }

    @Test
    void perLayerRatesAreKeyedByTheResultsLayerNames() {
        JsonNode report = estimate(
                        """
                {"model": {"architecture": "convnet-s", "timesteps": 2},
                 "dataset": {"name": "synthetic-static", "channels": 1, "height": 4, "width": 4, "classes": 2},
                 "firingRate": {"conv2": 0.5, "head": 0.25}}""")
                .json();

        // conv2 0.5·2·73,728 = 73,728 SOPs; head 0.25·2·128 = 64 SOPs
        assertThat(layer(report, "conv2").get("sops").asDouble()).isEqualTo(73_728.0);
        assertThat(layer(report, "head").get("sops").asDouble()).isEqualTo(64.0);
        assertThat(column(report, "snnEnergyPj") / 1e9)
                .isCloseTo(report.at("/energy/snnEnergyMj").asDouble(), within(MJ));
    }

    @Test
    void aRateForAnUnknownLayerIsRefusedNamingTheField() {
        ApiHttp.Response response = estimate(
                """
                {"model": {"architecture": "vgg9", "timesteps": 4}, "dataset": {"name": "cifar10"},
                 "firingRate": {"conv2": 0.1, "conv99": 0.2}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("firingRate.conv99");
        assertThat(response.json().at("/errors/0/message").asString()).contains("conv2");
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

    private static JsonNode layer(JsonNode report, String name) {
        for (JsonNode layer : report.get("layers")) {
            if (layer.get("name").asString().equals(name)) {
                return layer;
            }
        }
        throw new AssertionError("no layer " + name + " in " + report.get("layers"));
    }

    private static double column(JsonNode report, String field) {
        double sum = 0;
        for (JsonNode layer : report.get("layers")) {
            sum += layer.get(field).asDouble();
        }
        return sum;
    }

    private static Map<String, Long> layerMacs(JsonNode report) {
        Map<String, Long> macs = new LinkedHashMap<>();
        report.get("layers")
                .forEach(layer ->
                        macs.put(layer.get("name").asString(), layer.get("macs").asLong()));
        return macs;
    }

    private ApiHttp.Response estimate(String body) {
        return ApiHttp.onPort(port).postJson("/api/v1/estimates", TestKeys.KEY_A, body);
    }
}
