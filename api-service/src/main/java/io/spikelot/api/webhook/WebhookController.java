package io.spikelot.api.webhook;

import io.spikelot.api.auth.Caller;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A tenant's webhook subscriptions, their test pings and their delivery log. */
@Tag(name = "webhooks", description = "Signed notifications of job events")
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    private static final Set<String> FIELDS = Set.of("url", "events", "description");
    private static final int MAX_DELIVERIES = 200;

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe to job events",
            description = "Body {url, events: [job statuses and/or PROGRESS], description?}. The answer holds the"
                    + " signing secret, shown this once. Each delivery is a POST of {id, event, createdAt, job}"
                    + " with the headers Spikelot-Event, Spikelot-Delivery and Spikelot-Signature:"
                    + " t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + \".\" + body)>.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = WebhookService.Request.class))))
    @ApiResponse(
            responseCode = "201",
            description = "The subscription, with its secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookView> create(Caller.Tenant tenant, @RequestBody JsonNode body) {
        WebhookView created = service.create(tenant.id(), read(body));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
                .body(created);
    }

    @Operation(operationId = "listWebhooks", summary = "List the tenant's webhook subscriptions (without secrets)")
    @GetMapping
    List<WebhookView> list(Caller.Tenant tenant) {
        return service.list(tenant.id());
    }

    @Operation(operationId = "getWebhook", summary = "Read a webhook subscription (without its secret)")
    @GetMapping("/{id}")
    WebhookView get(Caller.Tenant tenant, @PathVariable UUID id) {
        return service.get(tenant.id(), id);
    }

    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook subscription; its pending deliveries are dropped")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller.Tenant tenant, @PathVariable UUID id) {
        service.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "testWebhook",
            summary = "Send a test delivery",
            description = "Queues a PING delivery, signed like every other; its outcome is in the delivery log")
    @ApiResponse(responseCode = "202", description = "Queued: {deliveryId, event: PING}")
    @PostMapping("/{id}/test")
    ResponseEntity<Map<String, Object>> test(Caller.Tenant tenant, @PathVariable UUID id) {
        UUID delivery = service.ping(tenant.id(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("deliveryId", delivery, "event", "PING"));
    }

    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log, newest first: each delivery with its attempts")
    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(
            Caller.Tenant tenant,
            @PathVariable UUID id,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_DELIVERIES))
                    @RequestParam(defaultValue = "50")
                    String limit) {
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_DELIVERIES) {
            throw ApiProblem.invalidField(
                    "limit", "must be an integer in [1, " + MAX_DELIVERIES + "], got '" + limit + "'");
        }
        return service.deliveries(tenant.id(), id, n);
    }

    private static WebhookService.Request read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiProblem(ProblemType.VALIDATION, "The body must be a JSON object {url, events, description}");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a field of a webhook; expected " + FIELDS));
            }
        }
        String url = null;
        JsonNode urlNode = body.get("url");
        if (urlNode == null || urlNode.isNull()) {
            errors.add(new FieldError("url", "is required"));
        } else if (!urlNode.isString()) {
            errors.add(new FieldError("url", "must be a string"));
        } else {
            url = urlNode.asString();
        }
        List<String> events = null;
        JsonNode eventsNode = body.get("events");
        if (eventsNode != null && !eventsNode.isNull()) {
            if (!eventsNode.isArray()) {
                errors.add(new FieldError("events", "must be an array of event names"));
            } else {
                events = new ArrayList<>();
                for (JsonNode event : eventsNode) {
                    events.add(event.isString() ? event.asString() : null);
                }
            }
        }
        String description = null;
        JsonNode descriptionNode = body.get("description");
        if (descriptionNode != null && !descriptionNode.isNull()) {
            if (!descriptionNode.isString()) {
                errors.add(new FieldError("description", "must be a string"));
            } else {
                description = descriptionNode.asString();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new WebhookService.Request(url, events, description);
    }
}
