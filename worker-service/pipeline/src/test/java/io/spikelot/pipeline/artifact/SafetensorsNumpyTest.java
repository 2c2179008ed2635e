package io.spikelot.pipeline.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent reader: python3 + numpy parse the file with struct/json/frombuffer (no safetensors package). The
 * test fails, not skips, without numpy: CI installs python3-numpy.
 */
class SafetensorsNumpyTest {

    private static final String READER =
            """
            import json, struct, sys
            import numpy as np
            DT = {"F32": np.dtype("<f4"), "BOOL": np.dtype(np.bool_), "I8": np.dtype(np.int8)}
            b = open(sys.argv[1], "rb").read()
            n = struct.unpack("<Q", b[:8])[0]
            assert (8 + n) % 8 == 0, n
            h = json.loads(b[8:8 + n].decode("utf-8"))
            meta = h.pop("__metadata__")
            assert meta == {"format": "pt", "pruneRatio": "0.4", "note": "quote \\" and \\\\ and \\u00e9"}, meta
            t = {k: np.frombuffer(b[8 + n + v["data_offsets"][0]:8 + n + v["data_offsets"][1]],
                                  dtype=DT[v["dtype"]]).reshape(v["shape"]) for k, v in h.items()}
            assert sorted(t) == ["alpha", "conv1.mask", "conv1.weight", "q.codes"], sorted(t)
            assert t["alpha"].shape == () and t["alpha"] == np.float32(0.5)
            assert t["conv1.mask"].dtype == np.bool_
            assert t["conv1.mask"].tolist() == [True, False, True, True, False]
            w = np.array([0.35, 0, -0.35, 1.5e-3, -2.25, 1e10], dtype=np.float32).reshape(2, 3)
            assert t["conv1.weight"].dtype == np.float32 and np.array_equal(t["conv1.weight"], w)
            assert t["q.codes"].shape == (7, 1) and t["q.codes"].ravel().tolist() == [-128, -1, 0, 1, 127, 5, 6]
            assert 8 + n + max(v["data_offsets"][1] for v in h.values()) == len(b)
            print("OK", len(t))
            """;

    /** The interpreter that has numpy: {@code SPIKELOT_PYTHON}, else {@code python3} on the PATH. */
    private static final String PYTHON = System.getenv().getOrDefault("SPIKELOT_PYTHON", "python3");

    @Test
    void numpyReadsWhatWasWritten(@TempDir Path dir) throws Exception {
        requireNumpy();
        Path file = dir.resolve("masks.safetensors");
        SafetensorsWriter.write(file, SafetensorsFixtures.someTensors(), SafetensorsFixtures.someMetadata());
        Result result = run(PYTHON, "-c", READER, file.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().trim()).isEqualTo("OK 4");
    }

    private static void requireNumpy() throws Exception {
        Result probe;
        try {
            probe = run(PYTHON, "-c", "import numpy");
        } catch (IOException e) {
            probe = new Result(-1, e.getMessage());
        }
        if (probe.exit() != 0) {
            fail("This test needs " + PYTHON + " with numpy (CI installs python3-numpy; SPIKELOT_PYTHON names"
                    + " another interpreter): " + probe.output());
        }
    }

    private static Result run(String... command) throws Exception {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("python3 did not finish in 60 s");
        }
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
