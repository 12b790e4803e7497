package org.tessera.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses one YAML or JSON annotation file into a tree of {@link Node}s that keep
 * their line and column. Duplicate keys are reported rather than silently
 * overwritten. Parser limits are set on purpose (see docs/annotation-format.md):
 * annotation files are small and hand-written, so anything far past these
 * limits is a mistake or an attack, and is rejected before it costs memory.
 */
public final class TreeParser {
    /** Deepest nesting of maps and lists; real annotation files need about 6. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value: a long quote is a few hundred characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest number, in digits. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** Largest file, in bytes. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(1_000)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();

    private final JsonFactory json;
    private final YAMLFactory yaml;

    public TreeParser() {
        json = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setMaxAliasesForCollections(20);
        loaderOptions.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loaderOptions.setCodePointLimit(MAX_FILE_BYTES);
        loaderOptions.setAllowRecursiveKeys(false);
        yaml = YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * Parses {@code bytes} as the content of {@code fileName}; JSON when the name
     * ends in {@code .json}, YAML otherwise. Problems go to {@code problems}; the
     * result is empty when the file could not be parsed.
     */
    public Optional<Node> parse(String fileName, byte[] bytes, Problems problems) {
        Site fileSite = Site.ofFile(fileName);
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(fileSite, "file is larger than " + MAX_FILE_BYTES + " bytes");
            return Optional.empty();
        }
        Optional<String> text = decodeUtf8(fileName, bytes, problems);
        if (text.isEmpty()) return Optional.empty();
        JsonFactory factory = fileName.endsWith(".json") ? json : yaml;
        try (JsonParser parser = factory.createParser(text.get())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(fileSite, "file is empty");
                return Optional.empty();
            }
            Node root = readValue(parser, fileName, problems);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(fileSite.at("", at.getLineNr(), at.getColumnNr()), "more than one document in the file");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Site site = at == null ? fileSite : fileSite.at("", Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
            problems.add(site, "malformed " + (factory == json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML signals some limits (alias bombs, depth) with unchecked exceptions.
            problems.add(fileSite, "malformed file: " + firstLine(String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            problems.add(fileSite, "nested too deeply");
        }
        return Optional.empty();
    }

    private static Optional<String> decodeUtf8(String fileName, byte[] bytes, Problems problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                problems.add(siteOfOffset(fileName, text, nul), "the file contains a NUL character");
                return Optional.empty();
            }
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            problems.add(siteOfOffset(fileName, before, before.length()), "the file is not valid UTF-8 (byte " + bad + ")");
            return Optional.empty();
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int low = 0, high = bytes.length;
        // The longest prefix that still decodes ends before the first bad byte, give or take a sequence.
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid));
                low = mid;
            } catch (CharacterCodingException e) {
                high = mid - 1;
            }
        }
        return low;
    }

    private static Site siteOfOffset(String fileName, String text, int offset) {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; column = 1; } else column++;
        }
        return new Site(fileName, line, column, "");
    }

    private Node readValue(JsonParser parser, String fileName, Problems problems) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr(), column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Member> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    Node value = readValue(parser, fileName, problems);
                    Node.Member earlier = members.get(key);
                    if (earlier != null) {
                        problems.add(new Site(fileName, keyAt.getLineNr(), keyAt.getColumnNr(), key),
                                "duplicate key '" + key + "' (first at line " + earlier.line() + ")");
                        continue;
                    }
                    members.put(key, new Node.Member(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                }
                return new Node.MapNode(line, column, members);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, fileName, problems));
                }
                return new Node.ListNode(line, column, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(line, column, parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(line, column, parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(line, column, parser.getBooleanValue());
            case VALUE_NULL:
                return new Node.Scalar(line, column, null);
            default:
                return new Node.Scalar(line, column, parser.getText());
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
