package io.spikelot.deploy;

import static io.spikelot.deploy.Manifests.at;
import static io.spikelot.deploy.Manifests.container;
import static io.spikelot.deploy.Manifests.env;
import static io.spikelot.deploy.Manifests.list;
import static io.spikelot.deploy.Manifests.map;
import static io.spikelot.deploy.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HelmChartTest {

    private static final String API = "rel-spikelot-api";
    private static final String CPU_WORKER = "rel-spikelot-worker-cpu";
    private static final String GPU_WORKER = "rel-spikelot-worker-gpu";

    private static Manifests defaults;
    private static Manifests gpu;
    private static Manifests keda;
    private static Manifests hooks;

    @BeforeAll
    static void renderOnce() {
        defaults = Manifests.render();
        gpu = Manifests.render("ci/gpu-values.yaml");
        keda = Manifests.render("ci/keda-values.yaml");
        hooks = Manifests.renderTestHooks();
    }

    @Test
    void lintsCleanEvenWhenWarningsAreErrors() {
        LintResult result = new Helm(Manifests.CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultsRenderTheApiAndOnlyTheCpuPool() {
        assertThat(defaults.ofKind("Deployment"))
                .extracting(d -> at(d, "metadata.name"))
                .containsExactlyInAnyOrder(API, CPU_WORKER);
        assertThat(defaults.find("Service", API)).isPresent();
        assertThat(defaults.ofKind("Ingress")).isEmpty();
        assertThat(defaults.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(defaults.ofKind("ScaledObject")).isEmpty();

        Map<String, Object> cpu = container(defaults.get("Deployment", CPU_WORKER));
        assertThat(env(cpu))
                .containsEntry("SPIKELOT_WORKER_RESOURCE_CLASS", "cpu")
                .containsEntry("SPIKELOT_WORKER_DEVICE", "cpu");
        assertThat(map(cpu.get("resources")).toString()).doesNotContain("nvidia.com/gpu");
        assertThat(str(cpu.get("image"))).isEqualTo("ghcr.io/spikelot/worker-service:0.1.0");
    }

    @Test
    void apiProbesUseTheActuatorHealthGroups() {
        Map<String, Object> api = container(defaults.get("Deployment", API));

        assertThat(at(api, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(api, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(api, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(api, "readinessProbe.httpGet.port")).isEqualTo("http");
        assertThat(list(api.get("ports"))).anySatisfy(p -> {
            assertThat(p.get("name")).isEqualTo("http");
            assertThat(p.get("containerPort")).isEqualTo(8080);
        });
        assertThat(at(defaults.get("Service", API), "spec.ports")).asList().hasSize(1);
    }

    @Test
    void workerProbesUseTheManagementPort() {
        Map<String, Object> worker = container(defaults.get("Deployment", CPU_WORKER));

        assertThat(list(worker.get("ports"))).singleElement().satisfies(p -> {
            assertThat(p.get("name")).isEqualTo("management");
            assertThat(p.get("containerPort")).isEqualTo(8081);
        });
        assertThat(at(worker, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(worker, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(worker, "readinessProbe.httpGet.port")).isEqualTo("management");
    }

    @Test
    void everyPodRunsNonRootOnAReadOnlyRootWithoutCapabilities() {
        for (Manifests rendered : List.of(defaults, gpu, keda, hooks)) {
            List<Map<String, Object>> pods = rendered.podSpecs();
            assertThat(pods).hasSizeGreaterThanOrEqualTo(2); // API, worker(s)
            for (Map<String, Object> pod : pods) {
                assertThat(at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
                assertThat((Integer) at(pod, "securityContext.runAsUser")).isPositive();
                for (Map<String, Object> c : list(pod.get("containers"))) {
                    assertThat(at(c, "securityContext.readOnlyRootFilesystem"))
                            .as(c.get("name") + " read-only root")
                            .isEqualTo(true);
                    assertThat(at(c, "securityContext.allowPrivilegeEscalation"))
                            .isEqualTo(false);
                    assertThat(at(c, "securityContext.capabilities.drop"))
                            .asList()
                            .contains("ALL");
                }
            }
        }
    }

    @Test
    void theJvmGetsWritableEmptyDirsForTmpAndTheWorkerScratchDir() {
        Map<String, Object> api = defaults.get("Deployment", API);
        assertThat(emptyDirMounts(api)).contains("/tmp");

        Map<String, Object> worker = defaults.get("Deployment", CPU_WORKER);
        assertThat(emptyDirMounts(worker)).contains("/tmp", "/tmp/spikelot");
        assertThat(env(container(worker))).doesNotContainKey("SPIKELOT_WORKER_SCRATCH_DIR"); // comes from the map
        Map<String, Object> workerConfig = defaults.get("ConfigMap", "rel-spikelot-config-worker");
        assertThat(at(workerConfig, "data.SPIKELOT_WORKER_SCRATCH_DIR")).isEqualTo("/tmp/spikelot");
    }

    @Test
    void secretsAreNeverInlinedInConfigMapsOrEnv() {
        List<String> secretValues = List.of("db-secret-value", "rabbit-secret-value", "acme-key-123");
        for (Map<String, Object> configMap : gpu.ofKind("ConfigMap")) {
            Map<String, Object> data = map(configMap.get("data"));
            assertThat(data.keySet()).noneMatch(k -> k.matches(".*(PASSWORD|TOKEN|API_KEYS|SECRET).*"));
            assertThat(data.values().toString()).doesNotContain(secretValues);
        }
        for (Map<String, Object> deployment : gpu.ofKind("Deployment")) {
            for (Map.Entry<String, Object> var : env(container(deployment)).entrySet()) {
                if (var.getKey().matches(".*(PASSWORD|TOKEN|API_KEYS)")) {
                    assertThat(at(var.getValue(), "secretKeyRef.name"))
                            .as(var.getKey() + " comes from a Secret")
                            .isNotNull();
                }
            }
        }
        // ... and the values do land in Secrets
        assertThat(decoded(gpu.get("Secret", "rel-spikelot-database"), "password"))
                .isEqualTo("db-secret-value");
        assertThat(decoded(gpu.get("Secret", "rel-spikelot-rabbitmq"), "rabbitmq-password"))
                .isEqualTo("rabbit-secret-value");
        assertThat(decoded(gpu.get("Secret", "rel-spikelot-auth"), "api-keys")).isEqualTo("acme:acme-key-123");
        assertThat(decoded(gpu.get("Secret", "rel-spikelot-auth"), "worker-token"))
                .isEqualTo("test-worker-token-of-32-characters");
    }

    @Test
    void apiGetsDatabaseAndBrokerCredentialsFromSecrets() {
        Map<String, Object> env = env(container(gpu.get("Deployment", API)));

        assertThat(at(env.get("SPRING_DATASOURCE_PASSWORD"), "secretKeyRef.name"))
                .isEqualTo("rel-spikelot-database");
        assertThat(at(env.get("SPRING_RABBITMQ_PASSWORD"), "secretKeyRef.name")).isEqualTo("rel-spikelot-rabbitmq");
        assertThat(at(env.get("SPIKELOT_API_KEYS"), "secretKeyRef.key")).isEqualTo("api-keys");
        assertThat(at(env.get("SPIKELOT_WORKER_TOKEN"), "secretKeyRef.key")).isEqualTo("worker-token");
        Map<String, Object> apiConfig = gpu.get("ConfigMap", "rel-spikelot-config-api");
        assertThat(at(apiConfig, "data.SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://pg.example.internal:5432/spikelot");
        assertThat(at(apiConfig, "data.SPRING_RABBITMQ_HOST")).isEqualTo("rabbit.example.internal");
    }

    @Test
    void workersNeverSeeDatabaseSettingsOrCredentials() {
        for (String name : List.of(CPU_WORKER, GPU_WORKER)) {
            Map<String, Object> worker = container(gpu.get("Deployment", name));
            String rendered = worker.toString();
            assertThat(rendered).doesNotContain("rel-spikelot-database", "DATASOURCE", "config-api");
            assertThat(env(worker))
                    .containsKeys("SPRING_RABBITMQ_PASSWORD", "SPIKELOT_WORKER_TOKEN")
                    .doesNotContainKey("SPIKELOT_API_KEYS");
            assertThat(at(list(worker.get("envFrom")).get(0), "configMapRef.name"))
                    .isEqualTo("rel-spikelot-config-worker");
        }
        Map<String, Object> workerConfig = gpu.get("ConfigMap", "rel-spikelot-config-worker");
        assertThat(map(workerConfig.get("data")).keySet()).noneMatch(k -> k.contains("DATASOURCE"));
        assertThat(at(workerConfig, "data.SPIKELOT_API_URL")).isEqualTo("http://rel-spikelot-api:8080");
    }

    @Test
    void gpuPoolRequestsNvidiaGpusOnGpuNodes() {
        Map<String, Object> deployment = gpu.get("Deployment", GPU_WORKER);
        Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
        Map<String, Object> worker = container(deployment);

        assertThat(at(worker, "resources.limits"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("nvidia.com/gpu", 1)
                .containsEntry("memory", "16Gi");
        assertThat(map(pod.get("nodeSelector")))
                .containsEntry("nvidia.com/gpu.present", "true")
                .containsEntry("cloud.google.com/gke-accelerator", "nvidia-l4");
        assertThat(list(pod.get("tolerations"))).anySatisfy(t -> {
            assertThat(t.get("key")).isEqualTo("nvidia.com/gpu");
            assertThat(t.get("effect")).isEqualTo("NoSchedule");
        });
        assertThat(pod.get("runtimeClassName")).isEqualTo("nvidia");
        assertThat(str(worker.get("image"))).isEqualTo("ghcr.io/spikelot/worker-service-gpu:0.1.0");
        assertThat(env(worker))
                .containsEntry("SPIKELOT_WORKER_RESOURCE_CLASS", "gpu")
                .containsEntry("SPIKELOT_WORKER_DEVICE", "gpu");

        // the CPU pool stays off GPU nodes and asks for no GPU
        Map<String, Object> cpu = gpu.get("Deployment", CPU_WORKER);
        assertThat(String.valueOf(at(cpu, "spec.template.spec.containers"))).doesNotContain("nvidia.com/gpu");
        assertThat(at(cpu, "spec.template.spec.tolerations")).isNull();
    }

    @Test
    void datasetsAreMountedReadOnlyIntoEveryWorker() {
        for (String name : List.of(CPU_WORKER, GPU_WORKER)) {
            Map<String, Object> deployment = gpu.get("Deployment", name);
            assertThat(list(container(deployment).get("volumeMounts"))).anySatisfy(m -> {
                assertThat(m.get("mountPath")).isEqualTo("/datasets");
                assertThat(m.get("readOnly")).isEqualTo(true);
            });
            assertThat(list(at(deployment, "spec.template.spec.volumes"))).anySatisfy(v -> {
                assertThat(at(v, "persistentVolumeClaim.claimName")).isEqualTo("spikelot-datasets");
                assertThat(at(v, "persistentVolumeClaim.readOnly")).isEqualTo(true);
            });
        }
    }

    @Test
    void kedaScalesEachPoolOnItsQueueCountingInFlightJobs() {
        List<Map<String, Object>> scaledObjects = keda.ofKind("ScaledObject");
        assertThat(scaledObjects)
                .extracting(s -> at(s, "spec.scaleTargetRef.name"))
                .containsExactlyInAnyOrder(CPU_WORKER, GPU_WORKER);

        Map<String, Object> gpuScaler = keda.get("ScaledObject", GPU_WORKER);
        assertThat(at(gpuScaler, "spec.minReplicaCount")).isEqualTo(0);
        assertThat(at(gpuScaler, "spec.maxReplicaCount")).isEqualTo(4);
        Map<String, Object> trigger = list(at(gpuScaler, "spec.triggers")).get(0);
        assertThat(trigger.get("type")).isEqualTo("rabbitmq");
        assertThat(at(trigger, "metadata.queueName")).isEqualTo("spikelot.jobs.gpu");
        assertThat(at(trigger, "metadata.mode")).isEqualTo("QueueLength");
        // the management API counts unacknowledged (running) jobs too, so busy workers are not scaled away
        assertThat(at(trigger, "metadata.protocol")).isEqualTo("http");
        assertThat(at(trigger, "metadata.excludeUnacknowledged")).isNull();
        assertThat(at(
                        list(at(keda.get("ScaledObject", CPU_WORKER), "spec.triggers"))
                                .get(0),
                        "metadata.queueName"))
                .isEqualTo("spikelot.jobs.cpu");

        String authName = str(at(trigger, "authenticationRef.name"));
        Map<String, Object> auth = keda.get("TriggerAuthentication", authName);
        Map<String, Object> hostRef = list(at(auth, "spec.secretTargetRef")).get(0);
        assertThat(hostRef.get("parameter")).isEqualTo("host");
        Map<String, Object> secret = keda.get("Secret", str(hostRef.get("name")));
        assertThat(decoded(secret, str(hostRef.get("key"))))
                .isEqualTo("http://spikelot:rabbit-secret-value@rabbit.example.internal:15672");

        // KEDA owns the replica count of scaled pools
        assertThat(at(keda.get("Deployment", GPU_WORKER), "spec.replicas")).isNull();
        assertThat(at(keda.get("Deployment", CPU_WORKER), "spec.replicas")).isNull();
    }

    @Test
    void apiAutoscalerAndIngressAreOptIn() {
        Map<String, Object> hpa = keda.get("HorizontalPodAutoscaler", API);
        assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(API);
        assertThat(at(hpa, "spec.minReplicas")).isEqualTo(2);
        assertThat(at(keda.get("Deployment", API), "spec.replicas")).isNull();
        assertThat(at(defaults.get("Deployment", API), "spec.replicas")).isEqualTo(2);

        Map<String, Object> ingress = keda.get("Ingress", API);
        assertThat(at(ingress, "spec.ingressClassName")).isEqualTo("nginx");
        assertThat(String.valueOf(at(ingress, "spec.rules"))).contains("spikelot.example.com", API);
        assertThat(at(list(at(ingress, "spec.tls")).get(0), "secretName")).isEqualTo("spikelot-tls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void helmTestHookCallsTheApiHealthEndpoint() {
        String source = Manifests.read(Manifests.CHART.resolve("templates/tests/test-api-health.yaml"));
        assertThat(source).contains("\"helm.sh/hook\": test");
        Map<String, Object> pod = hooks.get("Pod", "rel-spikelot-test-api-health");

        assertThat(at(pod, "spec.restartPolicy")).isEqualTo("Never");
        String command = String.join(
                " ", (List<String>) at(list(at(pod, "spec.containers")).get(0), "command"));
        assertThat(command).contains("http://" + API + ":8080/actuator/health/readiness", "\"status\":\"UP\"");
    }

    @Test
    void notesListThePoolsAndWarnAboutMissingCredentials() {
        String notes = Manifests.notes(Map.of("workers.pools.gpu.enabled", true, "workers.keda.enabled", true));

        assertThat(notes)
                .contains("rel-spikelot-api:8080")
                .contains("cpu: Deployment " + CPU_WORKER + ", queue spikelot.jobs.cpu")
                .contains("gpu: Deployment " + GPU_WORKER + ", queue spikelot.jobs.gpu, device gpu, 1 x nvidia.com/gpu")
                .contains("KEDA 0..4 replicas")
                .contains("WARNING: externalDatabase.password is empty")
                .contains("helm test rel");
        assertThat(Manifests.notes(Map.of("externalDatabase.password", "x", "externalRabbitmq.password", "y")))
                .doesNotContain("WARNING");
    }

    @Test
    void existingSecretsReplaceTheChartsSecrets() {
        Manifests rendered = Manifests.render(
                List.of(),
                Map.of(
                        "auth.existingSecret", "my-auth",
                        "externalDatabase.existingSecret", "my-db",
                        "externalDatabase.existingSecretPasswordKey", "pg-pass",
                        "externalRabbitmq.existingSecret", "my-mq"));

        assertThat(rendered.ofKind("Secret")).isEmpty();
        Map<String, Object> env = env(container(rendered.get("Deployment", API)));
        assertThat(at(env.get("SPRING_DATASOURCE_PASSWORD"), "secretKeyRef.name"))
                .isEqualTo("my-db");
        assertThat(at(env.get("SPRING_DATASOURCE_PASSWORD"), "secretKeyRef.key"))
                .isEqualTo("pg-pass");
        assertThat(at(env.get("SPIKELOT_WORKER_TOKEN"), "secretKeyRef.name")).isEqualTo("my-auth");
        assertThat(at(
                        env(container(rendered.get("Deployment", CPU_WORKER))).get("SPRING_RABBITMQ_PASSWORD"),
                        "secretKeyRef.name"))
                .isEqualTo("my-mq");
    }

    @Test
    void filesystemArtifactStoreMountsAVolumeAtTheArtifactsDir() {
        Manifests rendered = Manifests.render(List.of(), Map.of("api.artifacts.store", "filesystem"));

        Map<String, Object> api = rendered.get("Deployment", API);
        assertThat(list(container(api).get("volumeMounts")))
                .anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/var/lib/spikelot/artifacts"));
        Map<String, Object> pvc = rendered.get("PersistentVolumeClaim", "rel-spikelot-api-artifacts");
        assertThat(at(pvc, "spec.accessModes")).asList().containsExactly("ReadWriteMany");
        assertThat(at(rendered.get("ConfigMap", "rel-spikelot-config-api"), "data.SPIKELOT_ARTIFACTS_STORE"))
                .isEqualTo("filesystem");
    }

    @Test
    void schemaRejectsValuesTheServicesWouldNotUnderstand() {
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("workers.pools.gpu.device", "tpu")))
                .hasMessageContaining("/workers/pools/gpu/device");
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("api.artifacts.store", "s3")))
                .hasMessageContaining("/api/artifacts/store");
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("workerz.replicas", 3)))
                .hasMessageContaining("workerz");
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("auth.apiKeys", "no-tenant-separator")))
                .hasMessageContaining("/auth/apiKeys");
    }

    @Test
    void theApiAnswersADatabaseOutageWithinItsReadinessProbeTimeout() {
        Map<String, Object> api = container(defaults.get("Deployment", API));
        Map<String, Object> config = map(at(defaults.get("ConfigMap", "rel-spikelot-config-api"), "data"));

        int poolWaitMs = Integer.parseInt(str(config.get("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT")));
        int readinessTimeout = ((Number) at(api, "readinessProbe.timeoutSeconds")).intValue();
        assertThat(poolWaitMs).isEqualTo(2000);
        assertThat(config.get("SPRING_RABBITMQ_CONNECTIONTIMEOUT")).isEqualTo("2s");
        assertThat(readinessTimeout * 1000).isGreaterThan(poolWaitMs);
        assertThat(((Number) at(api, "livenessProbe.timeoutSeconds")).intValue() * 1000)
                .isGreaterThan(poolWaitMs);
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("api.readinessProbe.timeoutSeconds", 2)))
                .hasMessageContaining("must exceed api.dependencyTimeoutSeconds");
    }

    @Test
    void aWorkerTokenUnder32CharactersIsRefused() {
        assertThatThrownBy(() -> Manifests.render(List.of(), Map.of("auth.workerToken", "only-twenty-chars-xx")))
                .hasMessageContaining("/auth/workerToken");
    }

    @Test
    void aGpuPoolWithoutGpusIsRefused() {
        assertThatThrownBy(() -> Manifests.render(
                        List.of(), Map.of("workers.pools.gpu.enabled", true, "workers.pools.gpu.gpus", 0)))
                .hasMessageContaining("device=gpu needs gpus >= 1");
    }

    @Test
    void everyValueIsDocumented() {
        String valuesText = Manifests.read(Manifests.CHART.resolve("values.yaml"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s*## @param (\\S+) ", Pattern.MULTILINE).matcher(valuesText);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Map<String, Object> values = map(Manifests.yaml().load(valuesText));
        List<String> leaves = new ArrayList<>();
        collectLeaves("", values, leaves);

        assertThat(leaves).hasSizeGreaterThan(100);
        assertThat(leaves)
                .as("values without a ## @param line (or one on a parent)")
                .allSatisfy(leaf -> assertThat(documented).anyMatch(d -> leaf.equals(d) || leaf.startsWith(d + ".")));

        // and the schema knows every top-level key
        Map<String, Object> schema =
                map(Manifests.yaml().load(Manifests.read(Manifests.CHART.resolve("values.schema.json"))));
        assertThat(map(schema.get("properties")).keySet()).containsAll(values.keySet());
    }

    private static void collectLeaves(String prefix, Map<String, Object> node, List<String> out) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                collectLeaves(path, map(child), out);
            } else {
                out.add(path);
            }
        }
    }

    private static Set<String> emptyDirMounts(Map<String, Object> deployment) {
        Set<String> emptyDirs = new TreeSet<>();
        for (Map<String, Object> v : list(at(deployment, "spec.template.spec.volumes"))) {
            if (v.containsKey("emptyDir")) {
                emptyDirs.add(str(v.get("name")));
            }
        }
        Set<String> paths = new TreeSet<>();
        for (Map<String, Object> mount : list(container(deployment).get("volumeMounts"))) {
            if (emptyDirs.contains(str(mount.get("name")))) {
                paths.add(str(mount.get("mountPath")));
            }
        }
        return paths;
    }

    private static String decoded(Map<String, Object> secret, String key) {
        String encoded = str(at(secret, "data." + key));
        assertThat(encoded).as("Secret key " + key).isNotNull();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
