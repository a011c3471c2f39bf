package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
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
        for (Component component : COMPONENTS.get(value.getClass())) {
            Object field = component.read(value);
            JsonNode fieldJson = object.get(component.name());
            if (field == null || fieldJson == null) {
                continue;
            }
            if (component.personalData()) {
                found |= replaceTexts(object, component.name(), fieldJson, replacement);
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

    /**
     * A record class's components as the walk needs them, looked up once per class: {@code getRecordComponents()} and
     * {@code getAccessor()} copy their reflection objects on every call, and the annotation look-up is not free either.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(Component::of).toList();
        }
    };

    private record Component(String name, boolean personalData, Method accessor) {

        static Component of(RecordComponent component) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return new Component(component.getName(), component.isAnnotationPresent(PersonalData.class), accessor);
        }

        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + record.getClass().getName() + "." + name, e);
            }
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
