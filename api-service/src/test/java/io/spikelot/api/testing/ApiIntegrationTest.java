package io.spikelot.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The API on a random port against real PostgreSQL and RabbitMQ, with two tenants and a worker credential:
 * {@link TestKeys}. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spikelot.api-keys=" + TestKeys.TENANT_A + ":" + TestKeys.KEY_A + "," + TestKeys.TENANT_B + ":"
                    + TestKeys.KEY_B,
            "spikelot.worker-token=" + TestKeys.WORKER_TOKEN,
            "spikelot.jobs.lease=4s",
            "spikelot.jobs.reaper-interval=500ms"
        })
@ContextConfiguration(initializers = TestInfraInitializer.class)
public @interface ApiIntegrationTest {}
