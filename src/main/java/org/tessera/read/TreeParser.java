package org.tessera.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses one YAML or JSON annotation file into a tree of {@link Node}s that keep
 * their line and column. Duplicate keys are reported rather than silently
 * overwritten. Parser limits are set on purpose (see docs/annotation-format.md):
 * annotation files are small and hand-written, so anything far past these
 * limits is a mistake or an attack, and is rejected before it costs memory.
 * One parser reads one file at a time (it counts the values of the current file).
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
    /** Longest key. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /**
     * Most values (maps, lists and scalars) in one file; the largest real file holds
     * about a thousand. A 20 MB file of one-character values would otherwise take
     * gigabytes as a tree, and as many problems.
     */
    public static final int MAX_VALUES = 100_000;

    private static final Pattern LONG_NUMBER = Pattern.compile("[-+]?[0-9][0-9_]{" + MAX_NUMBER_LENGTH + ",}(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();

    private final JsonFactory json;
    private final YAMLFactory yaml;
    /** Values read so far in the current file. */
    private int values;

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
        // This file's problems apart: other threads add theirs to the shared list while
        // this one parses, and only this file's say whether its tree is usable.
        Problems inFile = new Problems();
        Optional<Node> tree = parseInto(fileName, bytes, inFile);
        problems.addAll(inFile);
        return tree;
    }

    private Optional<Node> parseInto(String fileName, byte[] bytes, Problems problems) {
        Site fileSite = new Site(fileName, 1, 1, "");
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(fileSite, tooLarge(bytes.length));
            return Optional.empty();
        }
        Optional<String> text = decodeUtf8(fileName, bytes, problems);
        if (text.isEmpty()) return Optional.empty();
        boolean isJson = fileName.endsWith(".json");
        JsonFactory factory = isJson ? json : yaml;
        String format = isJson ? "JSON" : "YAML";
        JsonParser parser = null;
        try {
            parser = factory.createParser(text.get());
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(fileSite, "the file is empty");
                return Optional.empty();
            }
            values = 0;
            Node root = readValue(parser, fileName, "", 1, problems);
            if (!problems.isEmpty()) return Optional.empty();
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(fileSite.at("", at.getLineNr(), at.getColumnNr()), "more than one document in the file");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (StreamConstraintsException e) {
            problems.add(siteOf(fileSite, parser, e), limitMessage(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(siteOf(fileSite, parser, e), "malformed " + format + ": " + describe(e));
        } catch (IOException | YAMLException e) {
            // SnakeYAML signals some problems with unchecked exceptions of its own.
            problems.add(siteOf(fileSite, parser, null), "malformed " + format + ": " + firstLine(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // A bug, not the file's fault; still reported at its place rather than stopping
            // everything. The fuzz test (AnnotationFuzzTest) treats this message as a finding.
            problems.add(siteOf(fileSite, parser, null), "cannot be read (internal error: " + e.getClass().getName() + ": "
                    + firstLine(String.valueOf(e.getMessage())) + ")");
        } catch (StackOverflowError e) {
            // The limits above stop nesting long before the stack ends; kept as a last guard.
            problems.add(siteOf(fileSite, parser, null), "nested too deeply (stack overflow)");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException | RuntimeException ignored) {
                    // Closing a parser over a string cannot lose data.
                }
            }
        }
        return Optional.empty();
    }

    /** The problem of a file past {@link #MAX_FILE_BYTES}. */
    public static String tooLarge(long size) {
        return "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB (" + size + " bytes)";
    }

    /** Where a parse error stands: the exception's own location, else where the parser stopped, else the file's start. */
    private static Site siteOf(Site fileSite, JsonParser parser, JsonProcessingException e) {
        JsonLocation at = e == null ? null : e.getLocation();
        if ((at == null || at.getLineNr() < 1) && e != null && e.getCause() instanceof MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            return fileSite.at("", marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        }
        if ((at == null || at.getLineNr() < 1) && parser != null) at = parser.currentLocation();
        if (at == null || at.getLineNr() < 1) return fileSite;
        return fileSite.at("", at.getLineNr(), Math.max(at.getColumnNr(), 1));
    }

    /** A parser limit, in the words of docs/annotation-format.md (Limits). */
    private static String limitMessage(String jackson) {
        String m = String.valueOf(jackson);
        if (m.startsWith("Document nesting depth")) return "nested too deeply (more than " + MAX_NESTING_DEPTH + " levels)";
        if (m.startsWith("String value length")) return "a text longer than " + MAX_STRING_LENGTH + " characters";
        if (m.startsWith("Number value length")) return "a number longer than " + MAX_NUMBER_LENGTH + " digits";
        if (m.startsWith("Name length")) return "a key longer than " + MAX_NAME_LENGTH + " characters";
        if (m.startsWith("Document length")) return "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB";
        if (m.startsWith("Too many values")) return "the file holds more than " + MAX_VALUES + " values (maps, lists and texts)";
        return "over a parser limit: " + firstLine(m);
    }

    /** The message of a parse error, with SnakeYAML's problem and context in plain order. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String problem = marked.getProblem().strip();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext().strip() + ")";
            return problem + context;
        }
        String message = firstLine(e.getOriginalMessage());
        // Jackson's words for a YAML key that is a list or a map ("? [a, b]: c").
        if (message.startsWith("Expected a field name")) return "a key must be a text, not a list or a map";
        return message;
    }

    private static Optional<String> decodeUtf8(String fileName, byte[] bytes, Problems problems) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            problems.add(new Site(fileName, 1, 1, ""), "the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8");
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                problems.add(siteOfOffset(fileName, text, nul), "the file contains a NUL character (U+0000)");
                return Optional.empty();
            }
            // A UTF-8 byte-order mark, as some Windows editors write, is dropped.
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            String at = bad < bytes.length ? String.format("byte 0x%02X at offset %d", bytes[bad] & 0xFF, bad) : "at offset " + bad;
            problems.add(siteOfOffset(fileName, before, before.length()),
                    "the file is not valid UTF-8 (" + at + "): save it as UTF-8");
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
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') { line++; column = 1; }
            else if (c == '\r') { if (i + 1 >= offset || text.charAt(i + 1) != '\n') { line++; column = 1; } }
            else if (!Character.isLowSurrogate(c)) column++;
        }
        return new Site(fileName, line, column, "");
    }

    private Node readValue(JsonParser parser, String fileName, String path, int depth, Problems problems) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr(), column = at.getColumnNr();
        Site site = new Site(fileName, line, column, path);
        if (depth > MAX_NESTING_DEPTH) throw new StreamConstraintsException("Document nesting depth (" + depth + ")");
        if (++values > MAX_VALUES) throw new StreamConstraintsException("Too many values");
        if (parser instanceof YAMLParser yamlParser) {
            if (yamlParser.isCurrentAlias() || yamlParser.getCurrentAnchor() != null) {
                String name = yamlParser.isCurrentAlias() ? parser.getText() : yamlParser.getCurrentAnchor();
                problems.add(site, "YAML anchors and aliases (&" + brief(name) + ", *" + brief(name)
                        + ") are not supported: write the value out");
                parser.skipChildren();
                return new Node.Scalar(line, column, null);
            }
            String tag = yamlParser.getTypeId();
            if (tag != null) {
                String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length())
                        : tag.startsWith("!") || tag.contains(":") ? tag : "!" + tag;
                problems.add(site, "the YAML tag " + quoted(shown) + " is not supported: write plain values");
                parser.skipChildren();
                return new Node.Scalar(line, column, null);
            }
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Member> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String keyPath = path.isEmpty() ? printable(key) : path + "." + printable(key);
                    if (key.length() > MAX_NAME_LENGTH) {
                        problems.add(new Site(fileName, keyAt.getLineNr(), keyAt.getColumnNr(), path),
                                "a key longer than " + MAX_NAME_LENGTH + " characters");
                        keyPath = path;
                    }
                    parser.nextToken();
                    Node value = readValue(parser, fileName, keyPath, depth + 1, problems);
                    Node.Member earlier = members.get(key);
                    if (earlier != null) {
                        problems.add(new Site(fileName, keyAt.getLineNr(), keyAt.getColumnNr(), keyPath),
                                "duplicate key " + quoted(key) + " (first at line " + earlier.line() + ")");
                        continue;
                    }
                    members.put(key, new Node.Member(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
                }
                return new Node.MapNode(line, column, members);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, fileName, path + "[" + items.size() + "]", depth + 1, problems));
                }
                return new Node.ListNode(line, column, items);
            }
            case VALUE_STRING: {
                String text = parser.getText();
                if (text.length() > MAX_STRING_LENGTH) {
                    problems.add(site, "a text longer than " + MAX_STRING_LENGTH + " characters");
                    return new Node.Scalar(line, column, null);
                }
                // The pattern needs more than MAX_NUMBER_LENGTH characters: shorter texts skip it.
                if (parser instanceof YAMLParser && text.length() > MAX_NUMBER_LENGTH && LONG_NUMBER.matcher(text).matches()) {
                    // SnakeYAML hands over a number too long for Jackson as a text.
                    problems.add(site, "a number longer than " + MAX_NUMBER_LENGTH + " digits");
                    return new Node.Scalar(line, column, null);
                }
                return new Node.Scalar(line, column, text);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(line, column, number(parser, site, problems), parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(line, column, parser.getBooleanValue(), parser.getText());
            case VALUE_NULL:
                return new Node.Scalar(line, column, null);
            default:
                return new Node.Scalar(line, column, parser.getText());
        }
    }

    /**
     * A number as a BigDecimal, or null with a problem when it is not finite
     * (YAML's .inf, .nan) or would take more than MAX_NUMBER_LENGTH digits to
     * write out ({@code 1e999999999} is short, but its digits would fill memory).
     */
    private static BigDecimal number(JsonParser parser, Site site, Problems problems) throws IOException {
        String written = parser.getText();
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(site, quoted(written) + " is not a usable number");
            return null;
        }
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_NUMBER_LENGTH || value.scale() > MAX_NUMBER_LENGTH) {
            problems.add(site, brief(written) + " is out of range: a number may have at most " + MAX_NUMBER_LENGTH
                    + " digits before or after the decimal point");
            return null;
        }
        return value;
    }

    /** A value for a message: at most 60 characters, with the length when cut. */
    static String brief(String text) {
        if (text == null) return "null";
        return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }

    /**
     * A value in quotes for a message: {@code 'value'}, or {@code 'first 60...' (N
     * characters)}, shown by {@link #printable}.
     */
    public static String quoted(String text) {
        if (text == null) return "null";
        return "'" + printable(text) + "'" + (text.length() > 60 ? " (" + text.length() + " characters)" : "");
    }

    /**
     * A text as a message may show it: at most 60 characters (then "..."), with
     * control and bidirectional characters and lone surrogates as {@code \\uXXXX},
     * so that a message never drives the terminal it is printed on.
     */
    public static String printable(String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60);
        StringBuilder sb = new StringBuilder(shown.length() + 8);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(shown.charAt(i - 1));
            boolean hidden = c < 0x20 || (c >= 0x7F && c <= 0x9F) || FieldReader.isBidiControl(c)
                    || (Character.isSurrogate(c) && !pairedHigh && !pairedLow);
            if (hidden) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return text.length() > 60 ? sb.append("...").toString() : sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
