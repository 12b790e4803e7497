package org.tessera.read;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers where it stood, so that every later
 * check can name the line and column of what it rejects.
 */
public sealed interface Node {
    int line();

    int column();

    /** A human name for the kind of value, for messages such as "expected a list, found a text". */
    String kindName();

    record MapNode(int line, int column, Map<String, Member> members) implements Node {
        public String kindName() { return "a map"; }
    }

    /** A key of a map with the position of the key itself and its value. */
    record Member(String key, int line, int column, Node value) {}

    record ListNode(int line, int column, List<Node> items) implements Node {
        public String kindName() { return "a list"; }
    }

    /**
     * A scalar: a {@code String}, a {@code java.math.BigDecimal}, a {@code Boolean} or
     * {@code null}, and the text it was written as ({@code Yes}, {@code 0x1F},
     * {@code 1_000} in YAML), which a text field takes as it is.
     */
    record Scalar(int line, int column, Object value, String written) implements Node {
        public Scalar(int line, int column, Object value) {
            this(line, column, value, value instanceof java.math.BigDecimal number ? number.toPlainString()
                    : value == null ? null : String.valueOf(value));
        }

        public String kindName() {
            if (value == null) return "null";
            if (value instanceof String) return "a text";
            if (value instanceof Boolean) return "a boolean";
            return "a number";
        }
    }
}
