package io.spikelot.api.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the servlet container's own refusals problem+json too: Tomcat's host gets {@link ContainerProblemReport}
 * instead of its HTML error report. Errors raised inside the application are rendered by {@link ErrorProblems}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            // the context is already a child of its host here, and the host not yet started
            if (context.getParent() instanceof StandardHost host) {
                host.getPipeline().addValve(new ContainerProblemReport());
                host.setErrorReportValveClass(ContainerProblemReport.class.getName());
            }
        });
    }
}
