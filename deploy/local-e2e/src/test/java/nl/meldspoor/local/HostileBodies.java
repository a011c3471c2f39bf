package nl.meldspoor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.local.OpenApiCommands.Operation;

/**
 * Request bodies an attacker or a careless client would send, built from an endpoint's documented schema:
 * each text and list one past its documented maximum (one at a time, so each refusal names its field), a
 * body far above any limit, wrong JSON types, null, JSON nested deeper than anyone writes, invalid UTF-8,
 * and texts that pretend to be sealed already.
 */
final class HostileBodies {

    /** Longer than any text the services accept, for a text whose schema documents no maximum. */
    static final int UNDOCUMENTED_TEXT = 20_000;
    /** More items than any list the services accept, for a list whose schema documents no maximum. */
    static final int UNDOCUMENTED_LIST = 1_000;
    static final String SEALED_LOOKALIKE = "msp-enc:v1:case-service:0f3a:AAAAAAAAAAAAAAAAAAAAAA==";

    private static final String LOOKS_SEALED = "text that looks sealed";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEPTH = 8;

    /**
     * One hostile request body.
     *
     * @param kind     what the attack tries
     * @param field    the body field under attack (path as in the problem's errors, indexes included), or null
     * @param body     the raw bytes sent
     * @param expected the status a careful service answers
     */
    record Attack(String kind, String field, byte[] body, int expected) {

        /**
         * Whether the refusal must name the field: a text or list past its maximum is refused by the field's own
         * constraint, reported beside whatever else the plausible body got wrong; a sealed look-alike may be
         * refused only once the rest of the body is valid, so it is checked for its status alone.
         */
        boolean namesItsField() {
            return field != null && !kind.equals(LOOKS_SEALED);
        }

        @Override
        public String toString() {
            return kind + (field == null ? "" : " " + field);
        }
    }

    private HostileBodies() {
    }

    static List<Attack> against(Operation operation) {
        List<Attack> attacks = new ArrayList<>();
        ObjectNode plausible = plausibleObject(operation, operation.bodySchema(), 0);
        eachLimitedValue(operation, operation.bodySchema(), plausible, "", attacks);
        attacks.add(new Attack("body above the request limit", null, bytes("{\"x\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413));
        attacks.add(new Attack("wrong JSON types", null, bytes(wrongTypes(operation, operation.bodySchema()).toString()), 400));
        attacks.add(new Attack("null body", null, bytes("null"), 400));
        attacks.add(new Attack("deeply nested JSON", null,
                bytes("{\"" + firstProperty(operation) + "\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"), 400));
        attacks.add(new Attack("invalid UTF-8", null, invalidUtf8(firstProperty(operation)), 400));
        return attacks;
    }

    /** Every text and list of the plausible body replaced, one at a time, by one past its maximum or by a sealed look-alike. */
    private static void eachLimitedValue(Operation operation, JsonNode schema, JsonNode plausible, String path, List<Attack> attacks) {
        JsonNode resolved = operation.resolve(schema);
        if (resolved == null || !(plausible instanceof ObjectNode object)) {
            return;
        }
        resolved.path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            JsonNode propertySchema = operation.resolve(property.getValue());
            JsonNode value = object.get(name);
            String type = propertySchema.path("type").asText();
            if ("string".equals(type) && !propertySchema.has("enum") && !propertySchema.has("format")) {
                int tooLong = propertySchema.has("maxLength") ? propertySchema.get("maxLength").asInt() + 1 : UNDOCUMENTED_TEXT;
                attacks.add(replaced(operation, fieldPath, "text one past its maximum", NODES.textNode("x".repeat(tooLong)), 400));
                if (!propertySchema.has("pattern")) {
                    attacks.add(replaced(operation, fieldPath, LOOKS_SEALED, NODES.textNode(SEALED_LOOKALIKE), 400));
                }
            } else if ("array".equals(type) && cannotHoldMoreThanItsMaximum(operation, propertySchema)) {
                return;
            } else if ("array".equals(type)) {
                int tooMany = propertySchema.has("maxItems") ? propertySchema.get("maxItems").asInt() + 1 : UNDOCUMENTED_LIST;
                ArrayNode items = NODES.arrayNode();
                JsonNode item = plausible(operation, propertySchema.path("items"), 1);
                for (int i = 0; i < tooMany; i++) {
                    items.add(item.deepCopy());
                }
                attacks.add(replaced(operation, fieldPath, "list one past its maximum", items, 400));
                JsonNode itemSchema = operation.resolve(propertySchema.path("items"));
                if ("string".equals(itemSchema.path("type").asText()) && !itemSchema.has("enum") && !itemSchema.has("format")) {
                    int tooLong = itemSchema.has("maxLength") ? itemSchema.get("maxLength").asInt() + 1 : UNDOCUMENTED_TEXT;
                    attacks.add(replaced(operation, fieldPath + "[0]", "text in a list one past its maximum",
                            NODES.arrayNode().add("x".repeat(tooLong)), 400, fieldPath));
                } else if (value instanceof ArrayNode array && !array.isEmpty()) {
                    eachLimitedValue(operation, propertySchema.path("items"), array.get(0), fieldPath + "[0]", attacks);
                }
            } else if (value instanceof ObjectNode) {
                eachLimitedValue(operation, propertySchema, value, fieldPath, attacks);
            }
        });
    }

    /** A set of codes with fewer possible values than its maximum: no request can go past it. */
    private static boolean cannotHoldMoreThanItsMaximum(Operation operation, JsonNode arraySchema) {
        JsonNode items = operation.resolve(arraySchema.path("items"));
        return arraySchema.path("uniqueItems").asBoolean() && items.has("enum") && arraySchema.has("maxItems")
                && items.get("enum").size() <= arraySchema.get("maxItems").asInt();
    }

    private static Attack replaced(Operation operation, String fieldPath, String kind, JsonNode hostile, int expected) {
        return replaced(operation, fieldPath, kind, hostile, expected, fieldPath);
    }

    private static Attack replaced(Operation operation, String named, String kind, JsonNode hostile, int expected, String replacedPath) {
        ObjectNode body = plausibleObject(operation, operation.bodySchema(), 0);
        set(body, replacedPath, hostile);
        return new Attack(kind, named, bytes(body.toString()), expected);
    }

    /** Sets the value at a path such as {@code content.statements[0].text} in the body. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode current = body;
        for (int i = 0; i < steps.length - 1; i++) {
            current = step(current, steps[i]);
        }
        ((ObjectNode) current).set(steps[steps.length - 1], value);
    }

    private static JsonNode step(JsonNode node, String step) {
        int index = step.indexOf('[');
        return index < 0 ? node.get(step) : node.get(step.substring(0, index)).get(Integer.parseInt(step.substring(index + 1, step.length() - 1)));
    }

    /** A value of the schema's shape, as a client would fill it in. */
    static JsonNode plausible(Operation operation, JsonNode schema, int depth) {
        JsonNode resolved = operation.resolve(schema);
        if (resolved == null || resolved.isMissingNode()) {
            return NODES.textNode("abc");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        return switch (resolved.path("type").asText(resolved.has("properties") ? "object" : "string")) {
            case "string" -> NODES.textNode(switch (resolved.path("format").asText()) {
                case "date-time" -> Instant.now().minus(1, ChronoUnit.HOURS).toString();
                case "date" -> LocalDate.now().minusDays(1).toString();
                case "uuid" -> "3f0e8a52-7c1d-4e7b-9a55-2b8c1d0e4f61";
                default -> "abc";
            });
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> depth > DEPTH ? NODES.arrayNode() : NODES.arrayNode().add(plausible(operation, resolved.path("items"), depth + 1));
            default -> depth > DEPTH ? NODES.objectNode() : plausibleObject(operation, resolved, depth + 1);
        };
    }

    private static ObjectNode plausibleObject(Operation operation, JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        JsonNode resolved = operation.resolve(schema);
        if (resolved != null) {
            resolved.path("properties").fields().forEachRemaining(property ->
                    object.set(property.getKey(), plausible(operation, property.getValue(), depth + 1)));
        }
        return object;
    }

    /** Every property with a JSON type the schema does not allow there. */
    private static ObjectNode wrongTypes(Operation operation, JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        JsonNode resolved = operation.resolve(schema);
        resolved.path("properties").fields().forEachRemaining(property -> {
            String type = operation.resolve(property.getValue()).path("type").asText("object");
            object.set(property.getKey(), switch (type) {
                case "string" -> NODES.objectNode().put("not", "a text");
                case "array" -> NODES.objectNode().put("not", "a list");
                case "integer", "number", "boolean" -> NODES.textNode("geen getal");
                default -> NODES.numberNode(42);
            });
        });
        if (object.isEmpty()) {
            object.set("unexpected", NODES.numberNode(42));
        }
        return object;
    }

    private static String firstProperty(Operation operation) {
        var names = operation.resolve(operation.bodySchema()).path("properties").fieldNames();
        return names.hasNext() ? names.next() : "x";
    }

    private static byte[] invalidUtf8(String property) {
        byte[] start = bytes("{\"" + property + "\":\"");
        byte[] broken = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] end = bytes("\"}");
        byte[] all = new byte[start.length + broken.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(broken, 0, all, start.length, broken.length);
        System.arraycopy(end, 0, all, start.length + broken.length, end.length);
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
