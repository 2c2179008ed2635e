package io.spikelot.api.problem;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the problem+json answers in the OpenAPI document: a {@code Problem} schema (its {@code type} one of the
 * {@link ProblemType} URIs, its {@code errors} the {@link FieldError}s), and a {@code default} response of every
 * {@code /api/} operation, so a generated client knows the shape of every refusal.
 */
@Component
class ProblemOpenApi implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        api.getComponents().addSchemas("FieldError", fieldError()).addSchemas("Problem", problem());
        ApiResponse refusal = new ApiResponse()
                .description("Refused: RFC 9457 problem+json; a validation problem lists every offending field")
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations()
                        .forEach(operation -> operation.getResponses().addApiResponse("default", refusal));
            }
        });
    }

    private static Schema<?> problem() {
        StringSchema type = new StringSchema();
        type.setEnum(Arrays.stream(ProblemType.values())
                .map(t -> t.uri().toString())
                .distinct()
                .toList());
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty("type", type.description("Stable: what went wrong"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong here, for people"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                                .description("Validation problems only: every offending field"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One offending field of a request")
                .addProperty(
                        "field", new StringSchema().description("e.g. search.pruneRatio, or a query parameter's name"))
                .addProperty("message", new StringSchema().description("What is wrong and what is accepted"))
                .required(List.of("field", "message"));
    }
}
