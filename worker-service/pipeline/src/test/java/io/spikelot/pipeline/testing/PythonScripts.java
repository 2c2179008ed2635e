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
        return json(command, hint);
    }

    /** Runs {@code command} (a Python interpreter and its arguments) as {@link #json(String, String, List, String)}. */
    public static JsonNode json(List<String> command, String hint) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail(command.get(0) + " failed (" + hint + "): " + output);
        }
        String[] lines = output.trim().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    /** Whether {@code python} can import {@code module}; what it printed otherwise, for the test's failure. */
    public static String missing(String python, String module) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(python, "-c", "import " + module)
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return python + " did not finish in 60 s";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.exitValue() == 0 ? null : output;
    }
}
