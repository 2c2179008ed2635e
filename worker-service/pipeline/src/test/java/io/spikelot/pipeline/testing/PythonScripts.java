package io.spikelot.pipeline.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs a Python snippet that prints one JSON line last, for the tests that check files with independent readers. */
public final class PythonScripts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PythonScripts() {}

    /**
     * Runs {@code python -c script args…} and returns its last output line as JSON; fails the test, with the
     * output and {@code hint}, when it exits non-zero or runs past 120 s.
     */
    public static JsonNode json(String python, String script, List<String> args, String hint) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, "-c", script));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(python + " did not finish in 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(python + " failed (" + hint + "): " + output);
        }
        String[] lines = output.trim().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }
}
