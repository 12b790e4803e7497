package org.tessera.read;

import org.junit.jupiter.api.Test;
import org.tessera.TestProjects;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The second pass of a conversion reads trees back from these bytes: they must give the parsed tree exactly. */
class TreeCodecTest {
    @Test
    void everyAnnotationFileOfTheRepositoryDecodesToTheTreeItsParseGave() throws IOException {
        List<Path> files = AnnotationReader.annotationFiles(TestProjects.REPO.resolve("annotations"));
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Node tree = new TreeParser().parse(file.toString(), Files.readAllBytes(file), new Problems()).orElseThrow();
            assertSameTree(tree, TreeCodec.decode(TreeCodec.encode(tree)));
        }
    }

    @Test
    void scalarsKeepTheirKindValueAndWrittenForm() {
        Node tree = parse("""
                text: plain words
                quoted: "line one\\nline two, ünïcödé, 🙂"
                long: %s
                integer: 1_000
                decimal: 1.50
                exponent: 1e3
                negative: -7
                yes: Yes
                no: false
                tilde: ~
                empty:
                list: [1, two, {three: 3}]
                """.formatted("x".repeat(300)));
        Node decoded = TreeCodec.decode(TreeCodec.encode(tree));
        assertSameTree(tree, decoded);
        Map<String, Node.Member> members = ((Node.MapNode) decoded).members();
        Node.Scalar decimal = (Node.Scalar) members.get("decimal").value();
        assertEquals(new BigDecimal("1.50"), decimal.value());
        assertEquals(2, ((BigDecimal) decimal.value()).scale(), "the scale survives");
        assertEquals("1_000", ((Node.Scalar) members.get("integer").value()).written());
        assertEquals("Yes", ((Node.Scalar) members.get("yes").value()).written());
        assertEquals(Boolean.TRUE, ((Node.Scalar) members.get("yes").value()).value());
    }

    @Test
    void scalarsMadeByHandRoundTripToo() {
        // Shapes the parser makes rarely or never: a text written otherwise, a null with a written form,
        // and positions past what one byte of a variable-length number holds, or below zero.
        Map<String, Node.Member> members = new LinkedHashMap<>();
        members.put("a", new Node.Member("a", 200_000, 129, new Node.Scalar(1, 1, "value", "written")));
        members.put("b", new Node.Member("b", 2, 1, new Node.Scalar(2, 4, null, ".nan")));
        members.put("c", new Node.Member("c", 3, 1, new Node.Scalar(-1, -1, "", "")));
        members.put("", new Node.Member("", 4, 1, new Node.Scalar(4, 3, "no written form", null)));
        Node tree = new Node.MapNode(Integer.MAX_VALUE, 16_384, members);
        assertSameTree(tree, TreeCodec.decode(TreeCodec.encode(tree)));
    }

    @Test
    void aScalarOfAnotherKindIsRefusedRatherThanChanged() {
        assertThrows(IllegalArgumentException.class, () -> TreeCodec.encode(new Node.Scalar(1, 1, 42L, "42")));
    }

    @Test
    void keyOrderIsKept() {
        Node tree = parse("zebra: 1\napple: 2\nmango: 3\n");
        Node decoded = TreeCodec.decode(TreeCodec.encode(tree));
        assertEquals(List.of("zebra", "apple", "mango"), new ArrayList<>(((Node.MapNode) decoded).members().keySet()));
    }

    @Test
    void bytesThatAreNotATreeAreRefused() {
        byte[] encoded = TreeCodec.encode(parse("a: 1\n"));
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(IllegalArgumentException.class, () -> TreeCodec.decode(longer));
        assertThrows(IllegalArgumentException.class, () -> TreeCodec.decode(new byte[] {99, 1, 1}));
    }

    @Test
    void equalTreesEncodeToEqualBytesAndDifferentOnesDoNot() {
        assertArrayEquals(TreeCodec.encode(parse("a: [1, x]\n")), TreeCodec.encode(parse("a: [1, x]\n")));
        assertFalse(Arrays.equals(TreeCodec.encode(parse("a: [1, x]\n")), TreeCodec.encode(parse("a: [1, y]\n"))));
    }

    private static Node parse(String yaml) {
        Problems problems = new Problems();
        Node tree = new TreeParser().parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems).orElseThrow();
        assertEquals(0, problems.size(), problems.sorted().toString());
        return tree;
    }

    /** Equal as records, and, since a map's equality ignores order, with the keys of every map in the same order. */
    private static void assertSameTree(Node expected, Node actual) {
        assertEquals(expected, actual);
        if (expected instanceof Node.MapNode map) {
            Map<String, Node.Member> other = ((Node.MapNode) actual).members();
            assertEquals(new ArrayList<>(map.members().keySet()), new ArrayList<>(other.keySet()));
            map.members().forEach((key, member) -> assertSameTree(member.value(), other.get(key).value()));
        } else if (expected instanceof Node.ListNode list) {
            List<Node> other = ((Node.ListNode) actual).items();
            for (int i = 0; i < list.items().size(); i++) assertSameTree(list.items().get(i), other.get(i));
        }
    }
}
