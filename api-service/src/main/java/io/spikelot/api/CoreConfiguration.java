package io.spikelot.api;

import io.spikelot.model.job.JobType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.Arrays;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The clock every timestamp comes from, and the OpenAPI description's header. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    static {
        // progress, result, spec, estimate bodies: free-form JSON objects, not Jackson's node API
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
        // one named schema per enum (JobStatus, ...), so a generated client has one enum type per option
        ModelResolver.enumsAsRef = true;
    }

    /** The {@code type} of a job spec, the wire names of {@link JobType} (the job listing's filter refers to it). */
    private static final String JOB_TYPE_SCHEMA = "JobType";

    private static Schema<String> jobTypeSchema() {
        StringSchema schema = new StringSchema();
        schema.setEnum(Arrays.stream(JobType.values()).map(JobType::wireName).toList());
        schema.setDescription("The kind of job: the type field of a job spec");
        return schema;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI spikelotOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Spikelot API")
                        .version("v1")
                        .description("Lottery tickets and quantized spiking neural networks, as queued jobs."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer"))
                        .addSchemas(JOB_TYPE_SCHEMA, jobTypeSchema()))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
