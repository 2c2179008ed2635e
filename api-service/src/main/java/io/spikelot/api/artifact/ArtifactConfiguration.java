package io.spikelot.api.artifact;

import io.spikelot.api.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ArtifactConfiguration {

    @Bean
    ArtifactStore artifactStore(ApiProperties properties, ArtifactRows rows) {
        return switch (properties.artifacts().store()) {
            case "filesystem" ->
                new FilesystemArtifactStore(properties.artifacts().dir());
            default -> new DatabaseArtifactStore(rows);
        };
    }
}
