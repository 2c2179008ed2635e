package io.spikelot.api.testing;

/** Job-spec fixtures: the smallest valid spec of each type, as JSON text. */
public final class Specs {

    private Specs() {}

    public static String anSltSpec(String name) {
        return """
                {"type": "slt", "name": "%s",
                 "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "synthetic-static", "trainLimit": 64, "testLimit": 32},
                 "training": {"epochs": 1, "batchSize": 16}}"""
                .formatted(name);
    }

    public static String aQsnnSpec(String name) {
        return """
                {"type": "qsnn", "name": "%s",
                 "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist", "trainLimit": 64, "testLimit": 32},
                 "quantization": {"allocations": [{"weightBits": 4, "spikeBits": 2, "timesteps": 1}]}}"""
                .formatted(name);
    }
}
