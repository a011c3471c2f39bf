package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import nl.meldspoor.api.common.PersonalData;

/**
 * Finds the texts marked {@link PersonalData} in an event and its nested records, and replaces them in
 * the event's JSON. Walks the event object beside its JSON, so that a record reached through an
 * interface or a list is still seen as what it is.
 */
final class PersonalDataFields {

    private PersonalDataFields() {
    }

    /** @return whether any marked text was found */
    static boolean replace(Object value, JsonNode json, UnaryOperator<String> replacement) {
        if (value == null || json == null || !value.getClass().isRecord() || !(json instanceof ObjectNode object)) {
            return false;
        }
        boolean found = false;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field = read(component, value);
            JsonNode fieldJson = object.get(component.getName());
            if (field == null || fieldJson == null) {
                continue;
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                found |= replaceTexts(object, component.getName(), fieldJson, replacement);
            } else if (field instanceof Collection<?> items && fieldJson instanceof ArrayNode array) {
                Iterator<?> item = items.iterator();
                for (JsonNode itemJson : array) {
                    found |= item.hasNext() && replace(item.next(), itemJson, replacement);
                }
            } else {
                found |= replace(field, fieldJson, replacement);
            }
        }
        return found;
    }

    private static boolean replaceTexts(ObjectNode parent, String name, JsonNode json, UnaryOperator<String> replacement) {
        if (json.isTextual()) {
            parent.set(name, TextNode.valueOf(replacement.apply(json.textValue())));
            return true;
        }
        if (json instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(replacement.apply(array.get(i).textValue())));
                }
            }
            return !array.isEmpty();
        }
        return false;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    /** Every encrypted text anywhere in the JSON, replaced. */
    static void replaceEncrypted(JsonNode json, UnaryOperator<String> replacement) {
        if (json instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (isEncryptedText(field.getValue())) {
                    field.setValue(TextNode.valueOf(replacement.apply(field.getValue().textValue())));
                } else {
                    replaceEncrypted(field.getValue(), replacement);
                }
            });
        } else if (json instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isEncryptedText(array.get(i))) {
                    array.set(i, TextNode.valueOf(replacement.apply(array.get(i).textValue())));
                } else {
                    replaceEncrypted(array.get(i), replacement);
                }
            }
        }
    }

    private static boolean isEncryptedText(JsonNode node) {
        return node.isTextual() && EncryptedText.isEncrypted(node.textValue());
    }
}
