package org.tessera.read;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed tree as compact bytes, and back: a conversion parses each YAML file once
 * and reads the tree from these bytes the second time, which takes a small part of
 * SnakeYAML's time. Decoding gives a tree equal to the one encoded, lines, columns,
 * key order, written texts and the scale of numbers included.
 * <p>
 * The format: a kind byte, the line and column as variable-length integers, then by
 * kind a map's members (key text, key line and column, value), a list's items, or a
 * scalar's value and its written text (once for a text written as it reads). A text
 * is its UTF-8 bytes after their length plus one; a length of 0 stands for null.
 */
public final class TreeCodec {
    /** TEXT: a text written as it reads, as every text of a parsed file is; OTHER_TEXT: one whose written form differs. */
    private static final byte MAP = 1, LIST = 2, NULL = 3, TEXT = 4, OTHER_TEXT = 5, NUMBER = 6, TRUE = 7, FALSE = 8;

    private TreeCodec() {}

    public static byte[] encode(Node tree) {
        Encoder out = new Encoder();
        out.node(tree);
        return out.toByteArray();
    }

    public static Node decode(byte[] bytes) {
        Decoder in = new Decoder(bytes);
        Node tree = in.node();
        if (in.at != bytes.length) throw new IllegalArgumentException("bytes left after the tree: " + (bytes.length - in.at));
        return tree;
    }

    private static final class Encoder extends ByteArrayOutputStream {
        Encoder() {
            super(4096);
        }

        void node(Node node) {
            if (node instanceof Node.MapNode map) {
                header(MAP, map);
                number(map.members().size());
                for (Node.Member member : map.members().values()) {
                    text(member.key());
                    number(member.line());
                    number(member.column());
                    node(member.value());
                }
            } else if (node instanceof Node.ListNode list) {
                header(LIST, list);
                number(list.items().size());
                list.items().forEach(this::node);
            } else {
                scalar((Node.Scalar) node);
            }
        }

        private void scalar(Node.Scalar scalar) {
            Object value = scalar.value();
            if (value instanceof String text && text.equals(scalar.written())) {
                header(TEXT, scalar);
                text(text);
                return;
            }
            if (value != null && !(value instanceof String || value instanceof BigDecimal || value instanceof Boolean)) {
                throw new IllegalArgumentException("a scalar holds a text, a number, a boolean or null, not " + value.getClass().getName());
            }
            header(value == null ? NULL : value instanceof String ? OTHER_TEXT : value instanceof BigDecimal ? NUMBER
                    : Boolean.TRUE.equals(value) ? TRUE : FALSE, scalar);
            if (value instanceof String text) text(text);
            // BigDecimal's own text reads back to an equal number, scale included.
            if (value instanceof BigDecimal decimal) text(decimal.toString());
            text(scalar.written());
        }

        private void header(byte kind, Node node) {
            write(kind);
            number(node.line());
            number(node.column());
        }

        /** An int, seven bits a byte, low bits first, the last byte's high bit clear (five bytes when negative). */
        private void number(int value) {
            while ((value & ~0x7F) != 0) {
                write((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write(value);
        }

        private void text(String text) {
            if (text == null) {
                number(0);
                return;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            number(utf8.length + 1);
            write(utf8, 0, utf8.length);
        }
    }

    private static final class Decoder {
        private final byte[] bytes;
        private int at;

        Decoder(byte[] bytes) {
            this.bytes = bytes;
        }

        Node node() {
            byte kind = bytes[at++];
            int line = number(), column = number();
            switch (kind) {
                case MAP -> {
                    int size = number();
                    Map<String, Node.Member> members = new LinkedHashMap<>(size * 4 / 3 + 1);
                    for (int i = 0; i < size; i++) {
                        String key = text();
                        int keyLine = number(), keyColumn = number();
                        members.put(key, new Node.Member(key, keyLine, keyColumn, node()));
                    }
                    return new Node.MapNode(line, column, members);
                }
                case LIST -> {
                    int size = number();
                    List<Node> items = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) items.add(node());
                    return new Node.ListNode(line, column, items);
                }
                case TEXT -> {
                    String text = text();
                    return new Node.Scalar(line, column, text, text);
                }
                case OTHER_TEXT -> {
                    String text = text();
                    return new Node.Scalar(line, column, text, text());
                }
                case NUMBER -> {
                    BigDecimal value = new BigDecimal(text());
                    return new Node.Scalar(line, column, value, text());
                }
                case TRUE, FALSE -> {
                    return new Node.Scalar(line, column, kind == TRUE, text());
                }
                case NULL -> {
                    return new Node.Scalar(line, column, null, text());
                }
                default -> throw new IllegalArgumentException("not a tree: kind " + kind + " at byte " + (at - 1));
            }
        }

        private int number() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) return value;
            }
        }

        private String text() {
            int length = number() - 1;
            if (length < 0) return null;
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }
    }
}
