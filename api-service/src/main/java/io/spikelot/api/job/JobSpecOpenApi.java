package io.spikelot.api.job;

import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.SltSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names the submit body's schema {@code JobSpec}: one of the typed specs, told apart by their {@code type} (a
 * discriminator, which the annotation alone does not emit), so a generated client has one class per job type.
 */
@Component
class JobSpecOpenApi implements OpenApiCustomizer {

    private static final String REFS = "#/components/schemas/";
    private static final Map<JobType, Class<?>> SPEC_TYPES =
            Map.of(JobType.SLT, SltSpec.class, JobType.IMP, ImpSpec.class, JobType.QSNN, QsnnSpec.class);

    @Override
    public void customise(OpenAPI api) {
        PathItem jobs = api.getPaths().get("/api/v1/jobs");
        Operation submit = jobs == null ? null : jobs.getPost();
        if (submit == null || submit.getRequestBody() == null) {
            return;
        }
        MediaType body = submit.getRequestBody().getContent().get("application/json");
        Discriminator discriminator = new Discriminator().propertyName("type");
        for (JobType type : JobType.values()) {
            String name = SPEC_TYPES.get(type).getSimpleName();
            discriminator.mapping(type.wireName(), REFS + name);
            requireType(api.getComponents().getSchemas().get(name), type);
        }
        Schema<?> spec = body.getSchema().discriminator(discriminator).description("A job spec of one of the types");
        api.getComponents().addSchemas("JobSpec", spec);
        body.setSchema(new Schema<>().$ref(REFS + "JobSpec"));
    }

    /** A discriminator must be required in every schema it picks, with that schema's one value. */
    @SuppressWarnings("unchecked")
    private static void requireType(Schema<?> spec, JobType type) {
        if (spec == null
                || spec.getProperties() == null
                || !spec.getProperties().containsKey("type")) {
            return;
        }
        Schema<String> property = (Schema<String>) spec.getProperties().get("type");
        property.setEnum(List.of(type.wireName()));
        if (spec.getRequired() == null || !spec.getRequired().contains("type")) {
            spec.addRequiredItem("type");
        }
    }
}
