package dev.gigstream.api.audit;

import dev.gigstream.messages.common.MaskedNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.List;

/**
 * Masks a JSON tree by the meaning of its fields, not by the event it came from: wherever a field
 * named in {@link MaskedNumbers#FIELDS} appears, at any depth, every text or number it holds is
 * masked by {@link MaskedNumbers#mask}. Changes the tree in place.
 */
final class MaskedJson {

    private MaskedJson() {
    }

    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                object.set(name, MaskedNumbers.FIELDS.contains(name) ? hidden(value) : mask(value));
            }
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(MaskedJson::mask);
        }
        return node;
    }

    /** A masked field's value: its text or number masked, or each of them if it holds an object or a list. */
    private static JsonNode hidden(JsonNode value) {
        if (value.isString() || value.isNumber()) {
            return StringNode.valueOf(MaskedNumbers.mask(value.asString()));
        }
        if (value instanceof ObjectNode object) {
            List.copyOf(object.propertyNames()).forEach(name -> object.set(name, hidden(object.get(name))));
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, hidden(array.get(i)));
            }
        }
        return value;
    }
}
