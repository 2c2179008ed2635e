package io.spikelot.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spikelot worker: takes dispatches from its pool's queue and runs them one at a time. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

    /** The worker's configuration file is {@code worker.yml}, so it can share a classpath with the API. */
    public static final String CONFIG_NAME = "spring.config.name=worker";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(WorkerApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
