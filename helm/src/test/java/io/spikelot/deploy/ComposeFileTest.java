package io.spikelot.deploy;

import static io.spikelot.deploy.Manifests.at;
import static io.spikelot.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, parsed (no Docker engine here): services, health checks, ordering, profiles, limits. */
class ComposeFileTest {

    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() {
        compose = map(Manifests.yaml().load(Manifests.read(Manifests.REPO_ROOT.resolve("docker-compose.yml"))));
        services = map(compose.get("services"));
    }

    @Test
    void runsPostgres15RabbitmqWithManagementTheApiAndWorkers() {
        assertThat(services.keySet())
                .containsExactlyInAnyOrder("postgres", "rabbitmq", "api", "worker-cpu", "worker-gpu");
        assertThat((String) at(services, "postgres.image")).matches("postgres:15(\\..*)?");
        assertThat((String) at(services, "rabbitmq.image"))
                .startsWith("rabbitmq:")
                .endsWith("-management");
        assertThat((List<?>) at(services, "rabbitmq.ports"))
                .anyMatch(p -> p.toString().endsWith(":15672"));
        assertThat((List<?>) at(services, "api.ports"))
                .anyMatch(p -> p.toString().endsWith(":8080"));
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services.forEach((name, service) -> assertThat(at(service, "healthcheck.test"))
                .as(name + " healthcheck")
                .asList()
                .isNotEmpty());
        assertThat(at(services, "api.healthcheck.test").toString()).contains("/actuator/health/readiness", "8080");
        for (String worker : List.of("worker-cpu", "worker-gpu")) {
            assertThat(at(services, worker + ".healthcheck.test").toString())
                    .contains("/actuator/health/readiness", "8081");
        }
        assertThat(at(services, "postgres.healthcheck.test").toString()).contains("pg_isready");
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        assertThat(map(at(services, "api.depends_on")))
                .containsOnlyKeys("postgres", "rabbitmq")
                .allSatisfy((dep, condition) ->
                        assertThat(at(condition, "condition")).isEqualTo("service_healthy"));
        for (String worker : List.of("worker-cpu", "worker-gpu")) {
            assertThat(map(at(services, worker + ".depends_on")))
                    .containsOnlyKeys("rabbitmq", "api")
                    .allSatisfy((dep, condition) ->
                            assertThat(at(condition, "condition")).isEqualTo("service_healthy"));
        }
    }

    @Test
    void theGpuWorkerIsBehindTheGpuProfileWithAnNvidiaReservation() {
        assertThat(at(services, "worker-gpu.profiles")).asList().containsExactly("gpu");
        services.forEach((name, service) -> {
            if (!name.equals("worker-gpu")) {
                assertThat(at(service, "profiles"))
                        .as(name + " runs without a profile")
                        .isNull();
            }
        });
        Map<String, Object> device = Manifests.list(at(services, "worker-gpu.deploy.resources.reservations.devices"))
                .get(0);
        assertThat(device.get("driver")).isEqualTo("nvidia");
        assertThat(device.get("capabilities")).asList().contains("gpu");
        assertThat(device.get("count")).isEqualTo(1);
        assertThat(at(services, "worker-gpu.build.dockerfile")).isEqualTo("worker-service/Dockerfile.gpu");
        assertThat(at(services, "worker-gpu.environment.SPIKELOT_WORKER_DEVICE"))
                .isEqualTo("gpu");
        assertThat(at(services, "worker-gpu.environment.SPIKELOT_WORKER_RESOURCE_CLASS"))
                .isEqualTo("gpu");
        assertThat(at(services, "worker-cpu.environment.SPIKELOT_WORKER_RESOURCE_CLASS"))
                .isEqualTo("cpu");
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        services.forEach((name, service) -> assertThat(at(service, "deploy.resources.limits.memory"))
                .as(name + " memory limit")
                .isNotNull());
    }

    @Test
    void dataLivesInNamedVolumesAndDatasetsAreReadOnlyForWorkers() {
        Map<String, Object> volumes = map(compose.get("volumes"));
        assertThat(volumes.keySet()).contains("pgdata", "rabbitmq-data", "datasets");
        assertThat(at(services, "postgres.volumes")).asList().contains("pgdata:/var/lib/postgresql/data");
        assertThat(at(services, "rabbitmq.volumes")).asList().contains("rabbitmq-data:/var/lib/rabbitmq");
        for (String worker : List.of("worker-cpu", "worker-gpu")) {
            assertThat(at(services, worker + ".volumes")).asList().containsExactly("datasets:/datasets:ro");
        }
        assertThat((List<?>) at(services, "api.volumes"))
                .noneMatch(v -> v.toString().startsWith("datasets:"));
    }

    @Test
    void workersGetNoDatabaseSettingsOrCredentials() {
        for (String worker : List.of("worker-cpu", "worker-gpu")) {
            Map<String, Object> env = map(at(services, worker + ".environment"));
            assertThat(env.keySet()).noneMatch(k -> k.contains("DATASOURCE") || k.contains("POSTGRES"));
            assertThat(env).containsKeys("SPIKELOT_WORKER_TOKEN", "SPRING_RABBITMQ_PASSWORD");
            assertThat(env).containsEntry("SPIKELOT_API_URL", "http://api:8080");
        }
        assertThat(map(at(services, "api.environment")))
                .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "SPIKELOT_API_KEYS");
        // the API and the workers share one worker token
        assertThat(at(services, "api.environment.SPIKELOT_WORKER_TOKEN"))
                .isEqualTo(at(services, "worker-cpu.environment.SPIKELOT_WORKER_TOKEN"));
    }

    @Test
    void rabbitmqAllowsDeliveriesToStayUnacknowledgedForDays() {
        String conf = (String) at(compose, "configs.rabbitmq-conf.content");
        Matcher timeout =
                Pattern.compile("(?m)^consumer_timeout\\s*=\\s*(\\d+)$").matcher(conf);
        assertThat(timeout.find()).as("consumer_timeout in " + conf).isTrue();
        assertThat(Long.parseLong(timeout.group(1))).isGreaterThanOrEqualTo(24L * 3600 * 1000);
        Map<String, Object> mount =
                Manifests.list(at(services, "rabbitmq.configs")).get(0);
        assertThat(mount.get("source")).isEqualTo("rabbitmq-conf");
        assertThat((String) mount.get("target"))
                .startsWith("/etc/rabbitmq/conf.d/")
                .endsWith(".conf");
    }

    @Test
    void buildsPointAtTheDockerfilesFromTheRepositoryRoot() {
        for (String name : List.of("api", "worker-cpu", "worker-gpu")) {
            assertThat(at(services, name + ".build.context")).isEqualTo(".");
            String dockerfile = (String) at(services, name + ".build.dockerfile");
            assertThat(Files.isRegularFile(Manifests.REPO_ROOT.resolve(dockerfile)))
                    .as(dockerfile)
                    .isTrue();
        }
    }
}
