package io.spikelot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dockerfiles, read as instructions (no Docker engine here to build them). */
class DockerfileTest {

    private static final String JEMALLOC = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";

    @ParameterizedTest
    @ValueSource(strings = {"api-service/Dockerfile", "worker-service/Dockerfile", "worker-service/Dockerfile.gpu"})
    void multiStageNonRootWithAHealthCheck(String path) {
        List<String> lines = instructions(path);
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms.size()).as("stages").isGreaterThanOrEqualTo(2);
        assertThat(froms.get(0)).contains(" AS build");

        List<String> runtime = lastStage(lines);
        assertThat(runtime).anyMatch(l -> l.matches("USER 10001(:10001)?"));
        assertThat(runtime).noneMatch(l -> l.matches("USER (root|0)(:.*)?"));
        assertThat(runtime).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/actuator/health/readiness"));
        assertThat(runtime).anyMatch(l -> l.startsWith("ENTRYPOINT [\"java\", \"-jar\""));
        assertThat(String.join("\n", lines)).contains("-DskipTests", " package");
    }

    @Test
    void workerImagesPreloadJemalloc() {
        for (String path : List.of("worker-service/Dockerfile", "worker-service/Dockerfile.gpu")) {
            Map<String, String> env = env(path);
            assertThat(env).as(path).containsEntry("LD_PRELOAD", JEMALLOC);
            assertThat(env)
                    .containsEntry("MALLOC_CONF", "oversize_threshold:0,dirty_decay_ms:10000,muzzy_decay_ms:10000");
            assertThat(env).containsEntry("DJL_OFFLINE", "true");
            assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Dai.djl.offline=true");
            assertThat(String.join("\n", lastStage(instructions(path)))).contains("libjemalloc2");
        }
        assertThat(env("api-service/Dockerfile")).doesNotContainKey("LD_PRELOAD");
    }

    @Test
    void cpuWorkerUsesTheBundledNativeLibraryNotAnOverride() {
        Map<String, String> env = env("worker-service/Dockerfile");
        assertThat(env).doesNotContainKeys("PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR");
        assertThat(env)
                .containsEntry("SPIKELOT_WORKER_RESOURCE_CLASS", "cpu")
                .containsEntry("SPIKELOT_WORKER_DEVICE", "cpu")
                .containsEntry("ENGINE_CACHE_DIR", "/opt/djl/cache");
    }

    @Test
    void gpuWorkerPointsDjlAtTheCudaLibtorchOfItsPytorchBaseImage() throws IOException {
        String path = "worker-service/Dockerfile.gpu";
        Map<String, String> args = args(path);
        Map<String, String> env = env(path);

        assertThat(args.get("PYTORCH_IMAGE")).matches("pytorch/pytorch:2\\.7\\.1-cuda12\\.\\d+-cudnn\\d+-runtime");
        assertThat(env)
                .containsEntry("PYTORCH_LIBRARY_PATH", "${TORCH_LIB}")
                .containsEntry("PYTORCH_VERSION", "${PYTORCH_VERSION}")
                .containsEntry("PYTORCH_FLAVOR", "${PYTORCH_FLAVOR}")
                .containsEntry("SPIKELOT_WORKER_DEVICE", "gpu")
                .containsEntry("SPIKELOT_WORKER_RESOURCE_CLASS", "gpu");
        assertThat(args.get("TORCH_LIB")).endsWith("/site-packages/torch/lib");
        String flavor = args.get("PYTORCH_FLAVOR");
        String cuda = args.get("PYTORCH_IMAGE").replaceAll(".*-cuda(\\d+)\\.(\\d+)-.*", "cu$1$2");
        assertThat(flavor).as("flavour matches the base image's CUDA").isEqualTo(cuda);

        // the pytorch-jni artifact the worker is built with ships this flavour, at this version
        Properties jni = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/jnilib/pytorch.properties")) {
            assertThat(in).as("pytorch-jni on the test classpath").isNotNull();
            jni.load(in);
        }
        assertThat(jni.getProperty("jni_version"))
                .isEqualTo(args.get("PYTORCH_VERSION") + "-" + args.get("DJL_VERSION"));
        assertThat(getClass().getResource("/jnilib/linux-x86_64/" + flavor + "/libdjl_torch.so"))
                .as("CUDA JNI library for " + flavor)
                .isNotNull();
        // ... and the image puts it where DJL's LibUtils looks for it in the engine cache
        assertThat(String.join("\n", instructions(path)))
                .contains("/opt/djl/cache/pytorch/${PYTORCH_VERSION}-${PYTORCH_FLAVOR}-linux-x86_64")
                .contains("${DJL_VERSION}-libdjl_torch.so")
                .contains("jnilib/linux-x86_64/${PYTORCH_FLAVOR}/libdjl_torch.so");
        assertThat(env).containsEntry("ENGINE_CACHE_DIR", "/opt/djl/cache");
    }

    /** Instructions with line continuations joined and comments dropped (heredoc bodies are kept as lines). */
    private static List<String> instructions(String path) {
        String text = Manifests.read(Manifests.REPO_ROOT.resolve(path));
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            out.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return out;
    }

    private static List<String> lastStage(List<String> lines) {
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return lines.subList(last, lines.size());
    }

    private static final Pattern PAIR = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)");

    /** ENV of the final stage, KEY=value pairs. */
    private static Map<String, String> env(String path) {
        return pairs(lastStage(instructions(path)), "ENV ");
    }

    /** Every ARG default in the file (the last one wins). */
    private static Map<String, String> args(String path) {
        return pairs(instructions(path), "ARG ");
    }

    private static Map<String, String> pairs(List<String> lines, String instruction) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith(instruction)) {
                Matcher m = PAIR.matcher(line.substring(instruction.length()));
                while (m.find()) {
                    out.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        return out;
    }
}
