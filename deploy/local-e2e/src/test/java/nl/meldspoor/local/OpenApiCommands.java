package nl.meldspoor.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command endpoints a service documents in its OpenAPI description: every operation that takes a
 * JSON request body. Read from {@code /v3/api-docs}, so a new endpoint is attacked without editing a test.
 */
record OpenApiCommands(String service, JsonNode document) {

    private static final Set<String> WRITING_METHODS = Set.of("post", "put", "patch");

    /** One documented command endpoint and the schema of its body. */
    record Operation(String service, String method, String path, JsonNode bodySchema, JsonNode document) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + service + path;
        }

        /** The schema, with a {@code $ref} followed into the document's components. */
        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            while (resolved != null && resolved.has("$ref")) {
                String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
                resolved = document.path("components").path("schemas").path(name);
            }
            return resolved;
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (WRITING_METHODS.contains(operation.getKey()) && !schema.isMissingNode()) {
                    operations.add(new Operation(service, operation.getKey(), path.getKey(), schema, document));
                }
            });
        }
        return operations;
    }
}
