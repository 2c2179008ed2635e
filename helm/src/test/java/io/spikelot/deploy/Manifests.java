package io.spikelot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Renders the chart with Helm (bundled by helm-java) and navigates the resulting manifests. */
final class Manifests {

    static final Path MODULE_DIR = locateModuleDir();
    static final Path CHART = MODULE_DIR.resolve("spikelot");
    static final Path REPO_ROOT = MODULE_DIR.getParent();
    static final String RELEASE = "rel";
    static final String NAMESPACE = "ns";
    /** helm-java's default capabilities are Kubernetes 1.20, below the chart's kubeVersion. */
    static final String KUBE_VERSION = "1.31.0";

    private final List<Map<String, Object>> documents;

    private Manifests(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /**
     * Renders with the given values files (relative to the chart) and --set pairs. A worker token is always given:
     * without one the chart looks the generated token up in the cluster, and rendering here must not reach a server.
     */
    static Manifests render(List<String> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .set("auth.workerToken", "test-worker-token-of-32-characters");
        for (String file : valuesFiles) {
            command = command.withValuesFile(CHART.resolve(file));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return parse(command.call());
    }

    /**
     * helm-java's template leaves hooks out of its output (the CLI's would include them). Renders a copy of the chart
     * whose test hooks lost their hook annotations, so they come out as plain manifests to assert on.
     */
    static Manifests renderTestHooks() {
        try {
            Path copy = Files.createTempDirectory("spikelot-chart");
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (source.startsWith(CHART.resolve("templates/tests"))) {
                        String text = Files.readString(source).replaceAll("(?m)^.*\"helm\\.sh/hook.*$\\n", "");
                        Files.writeString(target, text);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            String out;
            try {
                out = new Helm(copy)
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .withKubeVersion(KUBE_VERSION)
                        .set("auth.workerToken", "test-worker-token-of-32-characters")
                        .call();
            } finally {
                try (Stream<Path> created = Files.walk(copy)) {
                    created.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
            return parse(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** NOTES.txt as `helm install --dry-run=client` prints it. */
    static String notes(Map<String, Object> sets) {
        InstallCommand command = new Helm(CHART)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .clientOnly()
                .withDryRunOption(DryRun.CLIENT)
                .set("auth.workerToken", "test-worker-token-of-32-characters");
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call().getOutput();
    }

    static Manifests render(String... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    static Manifests parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(yaml)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        assertThat(docs).as("rendered documents").isNotEmpty();
        return new Manifests(docs);
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    List<Map<String, Object>> all() {
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError(kind + " " + name + " not rendered; have: " + names()));
    }

    List<String> names() {
        return documents.stream()
                .map(d -> d.get("kind") + "/" + at(d, "metadata.name"))
                .toList();
    }

    /** Pod specs of every workload: Deployments' templates and bare Pods (the helm test hook). */
    List<Map<String, Object>> podSpecs() {
        List<Map<String, Object>> specs = new ArrayList<>();
        ofKind("Deployment").forEach(d -> specs.add(map(at(d, "spec.template.spec"))));
        ofKind("Pod").forEach(p -> specs.add(map(p.get("spec"))));
        return specs;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(at(deployment, "spec.template.spec.containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** Env var name -> its value or valueFrom. */
    static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Map<String, Object> var : list(container.getOrDefault("env", List.of()))) {
            env.put((String) var.get("name"), var.containsKey("value") ? var.get("value") : var.get("valueFrom"));
        }
        return env;
    }

    /** Follows a dotted path through nested maps; null when a segment is missing. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Map<String, Object>>) node;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path locateModuleDir() {
        Path cwd = Path.of("").toAbsolutePath();
        return Stream.of(cwd, cwd.resolve("helm"))
                .filter(p -> Files.isDirectory(p.resolve("spikelot")) && Files.isRegularFile(p.resolve("pom.xml")))
                .findFirst()
                .map(Path::normalize)
                .orElseThrow(() -> new IllegalStateException("run from the repository root or helm/, not " + cwd));
    }

    static String str(Object value) {
        return Objects.toString(value, null);
    }
}
