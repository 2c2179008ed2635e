package io.spikelot.api.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Connects an application context to this run's PostgreSQL and broker (see {@link TestInfra}) inside a namespace
 * of its own, ahead of every other property source. Works for test contexts and for contexts a test starts itself.
 */
public class TestInfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final String namespace;
    private final boolean dropOnClose;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    public TestInfraInitializer() {
        this(TestInfra.newNamespace(), true);
    }

    /**
     * @param namespace the schema and broker prefix; an API restarted by a test joins its predecessor's
     * @param dropOnClose drop the schema and the broker topology when the context closes
     */
    public TestInfraInitializer(String namespace, boolean dropOnClose) {
        this.namespace = namespace;
        this.dropOnClose = dropOnClose;
    }

    /** Replaces a connection property, e.g. to route this context to the broker through a proxy. */
    public TestInfraInitializer override(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>(TestInfra.connection());
        properties.putAll(TestInfra.isolation(namespace));
        properties.put("spikelot.broker.delete-on-shutdown", String.valueOf(dropOnClose));
        properties.putAll(overrides);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("spikelot-test-infra", properties));
        if (dropOnClose) {
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> dropSchema(context));
        }
    }

    private void dropSchema(ConfigurableApplicationContext context) {
        try {
            context.getBean(JdbcTemplate.class).execute("drop schema if exists \"" + namespace + "\" cascade");
        } catch (RuntimeException e) {
            System.err.println("[test-infra] could not drop schema " + namespace + ": " + e);
        }
    }

    public String namespace() {
        return namespace;
    }
}
