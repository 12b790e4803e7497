package org.tessera.read;

import org.tessera.model.ControlledTerms;
import org.tessera.model.DateSpec;
import org.tessera.model.PartialDate;
import org.tessera.model.Quote;
import org.tessera.model.Ref;
import org.tessera.model.TermKind;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fields of one map of an annotation file. Every getter records a
 * problem instead of throwing, and returns null (or an empty list), so that one
 * pass over a file finds all of its problems.
 */
public final class FieldReader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]{0,11}");

    private final String file;
    private final String path;
    private final Node.MapNode map;
    private final Problems problems;
    private final ControlledTerms terms;

    private FieldReader(String file, String path, Node.MapNode map, Problems problems, ControlledTerms terms) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.problems = problems;
        this.terms = terms;
    }

    /**
     * A reader over {@code node}, or null (with a problem recorded) when it is not
     * a map. Keys outside {@code allowed} are reported as unknown fields.
     */
    public static FieldReader of(String file, String path, Node node, Set<String> allowed,
                                 Problems problems, ControlledTerms terms) {
        if (!(node instanceof Node.MapNode map)) {
            problems.add(new Site(file, node.line(), node.column(), path), "expected a map, found " + node.kindName());
            return null;
        }
        for (Node.Member member : map.members().values()) {
            if (!allowed.contains(member.key())) {
                problems.add(new Site(file, member.line(), member.column(), join(path, TreeParser.printable(member.key()))),
                        "unknown field " + TreeParser.quoted(member.key()) + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return new FieldReader(file, path, map, problems, terms);
    }

    public Site site() {
        return new Site(file, map.line(), map.column(), path);
    }

    /** The site of a field's value, or of the map when the field is absent. */
    public Site site(String key) {
        Node value = present(key);
        return value == null ? new Site(file, map.line(), map.column(), join(path, key))
                : new Site(file, value.line(), value.column(), join(path, key));
    }

    public String file() {
        return file;
    }

    public String path(String key) {
        return join(path, key);
    }

    /** The value of a field, or null when absent or written as null. */
    public Node present(String key) {
        Node.Member member = map.members().get(key);
        if (member == null) return null;
        if (member.value() instanceof Node.Scalar scalar && scalar.value() == null) return null;
        return member.value();
    }

    public boolean has(String key) {
        return present(key) != null;
    }

    public String requiredText(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return text(key);
    }

    /**
     * A text value. Numbers and booleans are taken as written, since YAML reads
     * "2016" as a number and "Yes" or "No" as a boolean: a name "No" stays "No".
     */
    public String text(String key) {
        Node node = present(key);
        if (node == null) return null;
        return textOf(node, join(path, key));
    }

    private String textOf(Node node, String at) {
        if (node instanceof Node.Scalar scalar) {
            if (scalar.value() == null) {
                problems.add(siteOf(node, at), "expected a text, found null");
                return null;
            }
            String text = scalar.value() instanceof String written ? written : scalar.written();
            if (text.isBlank()) {
                problems.add(siteOf(node, at), "must not be empty");
                return null;
            }
            return checkedText(text, siteOf(node, at));
        }
        problems.add(siteOf(node, at), "expected a text, found " + node.kindName());
        return null;
    }

    /**
     * Rejects characters that would make a label misleading or unwritable: lone
     * surrogates, bidirectional controls, control characters other than tab and
     * line ends, and the noncharacters U+FFFE and U+FFFF. Each is named.
     */
    private String checkedText(String text, Site site) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    problems.add(site, "contains a lone surrogate (" + codePoint(c) + ")");
                    return null;
                }
                i++;
            } else if (isBidiControl(c)) {
                problems.add(site, "contains a bidirectional control character (" + codePoint(c) + " " + Character.getName(c)
                        + "): write the text in its logical order, without direction marks");
                return null;
            } else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                problems.add(site, "contains a control character (" + codePoint(c) + ")");
                return null;
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                problems.add(site, "contains a noncharacter (" + codePoint(c) + ")");
                return null;
            }
        }
        return text;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The bidirectional formatting characters: ALM, LRM, RLM, LRE..RLO, LRI..PDI. */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    public String requiredId(String key) {
        String id = requiredText(key);
        return id == null ? null : checkedId(id, site(key));
    }

    private String checkedId(String id, Site site) {
        if (ID.matcher(id).matches()) return id;
        problems.add(site, TreeParser.quoted(id) + " is not a valid id: use 1 to 128 of A-Z a-z 0-9 . _ ~ -, starting with a letter or digit");
        return null;
    }

    public Ref ref(String key) {
        String id = text(key);
        if (id == null) return null;
        return checkedId(id, site(key)) == null ? null : new Ref(id, site(key));
    }

    public Ref requiredRef(String key) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return ref(key);
    }

    /** A reference that may name another source's event as {@code source-id/event-id}. */
    public Ref eventRef(String key) {
        String id = text(key);
        return id == null ? null : eventRefOf(id, site(key));
    }

    private Ref eventRefOf(String id, Site site) {
        String[] parts = id.split("/", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) valid &= ID.matcher(part).matches();
        if (!valid) {
            problems.add(site, TreeParser.quoted(id) + " is not an event reference: use event-id or source-id/event-id");
            return null;
        }
        return new Ref(id, site);
    }

    public List<Ref> refs(String key) {
        return listOf(key, (node, at) -> {
            String id = textOf(node, at);
            return id == null || checkedId(id, siteOf(node, at)) == null ? null : new Ref(id, siteOf(node, at));
        });
    }

    public List<Ref> eventRefs(String key) {
        return listOf(key, (node, at) -> {
            String id = textOf(node, at);
            return id == null ? null : eventRefOf(id, siteOf(node, at));
        });
    }

    public List<String> texts(String key) {
        return listOf(key, this::textOf);
    }

    public String term(String key, TermKind kind) {
        String value = text(key);
        if (value == null) return null;
        if (!terms.notations(kind).contains(value)) {
            problems.add(site(key), "unknown " + kind.label() + " " + TreeParser.quoted(value) + " (known: "
                    + String.join(", ", terms.notations(kind)) + ")");
            return null;
        }
        return value;
    }

    public String requiredTerm(String key, TermKind kind) {
        if (!has(key)) {
            missing(key);
            return null;
        }
        return term(key, kind);
    }

    public String wikidata(String key) {
        String value = text(key);
        if (value == null) return null;
        if (!WIKIDATA.matcher(value).matches()) {
            problems.add(site(key), TreeParser.quoted(value) + " is not a Wikidata id (Q followed by digits)");
            return null;
        }
        return value;
    }

    public BigDecimal number(String key) {
        Node node = present(key);
        if (node == null) return null;
        if (node instanceof Node.Scalar scalar && scalar.value() instanceof BigDecimal number) return number;
        problems.add(site(key), "expected a number, found " + node.kindName());
        return null;
    }

    /** A number within [min, max], for coordinates. */
    public BigDecimal number(String key, double min, double max) {
        BigDecimal value = number(key);
        // Compared as decimals, as the SHACL shapes compare them: 90.0000000000000001 is past 90.
        if (value != null && (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)) {
            problems.add(site(key), value.toPlainString() + " is out of range " + (int) min + ".." + (int) max);
            return null;
        }
        return value;
    }

    public Integer positiveInteger(String key) {
        BigDecimal value = number(key);
        if (value == null) return null;
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            problems.add(site(key), value.toPlainString() + " is not a whole number from 1");
            return null;
        }
        return value.intValueExact();
    }

    /** A date in any of the forms of docs/annotation-format.md. */
    public DateSpec date(String key) {
        Node node = present(key);
        if (node == null) return null;
        Site at = site(key);
        if (node instanceof Node.Scalar) {
            PartialDate date = partialDate(textOf(node, at.path()), at);
            return date == null ? null : DateSpec.on(at, date);
        }
        FieldReader spec = of(file, at.path(), node, Set.of("from", "to", "before", "after"), problems, terms);
        if (spec == null) return null;
        if (spec.has("from") || spec.has("to")) {
            if (spec.has("before") || spec.has("after")) {
                problems.add(at, "use either from/to, before or after, not both");
                return null;
            }
            if (!spec.has("from") || !spec.has("to")) {
                problems.add(at, "a range needs both from and to (use before or after for an open end)");
                return null;
            }
            PartialDate from = partialDate(spec.text("from"), spec.site("from"));
            PartialDate to = partialDate(spec.text("to"), spec.site("to"));
            if (from == null || to == null) return null;
            if (to.lastDay().isBefore(from.firstDay())) {
                problems.add(spec.site("to"), "the range ends (" + to.lexical() + ") before it starts (" + from.lexical() + ")");
                return null;
            }
            return DateSpec.range(at, from, to);
        }
        if (spec.has("before") == spec.has("after")) {
            problems.add(at, "give a date, or one of from/to, before, after");
            return null;
        }
        String which = spec.has("before") ? "before" : "after";
        PartialDate date = partialDate(spec.text(which), spec.site(which));
        if (date == null) return null;
        return which.equals("before") ? DateSpec.before(at, date) : DateSpec.after(at, date);
    }

    private PartialDate partialDate(String text, Site at) {
        if (text == null) return null;
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            problems.add(at, TreeParser.quoted(text) + " is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (year == 0) {
            // XSD 1.0, and most RDF tools with it, has no year 0000.
            problems.add(at, text + " is not a date (there is no year 0000)");
            return null;
        }
        try {
            LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
        } catch (DateTimeException e) {
            problems.add(at, text + " is not a date (" + e.getMessage() + ")");
            return null;
        }
        return new PartialDate(year, month, day);
    }

    /** Evidence quotes: each a text, or a map with quote, occurrence and prefix. */
    public List<Quote> quotes(String key) {
        return listOf(key, this::quoteOf);
    }

    public Quote quote(String key) {
        Node node = present(key);
        return node == null ? null : quoteOf(node, join(path, key));
    }

    private Quote quoteOf(Node node, String at) {
        if (node instanceof Node.Scalar) {
            String text = textOf(node, at);
            return text == null ? null : new Quote(siteOf(node, at), text, null, null);
        }
        FieldReader spec = of(file, at, node, Set.of("quote", "occurrence", "prefix"), problems, terms);
        if (spec == null) return null;
        String text = spec.requiredText("quote");
        Integer occurrence = spec.positiveInteger("occurrence");
        String prefix = spec.text("prefix");
        return text == null ? null : new Quote(spec.site("quote"), text, occurrence, prefix);
    }

    /** Each item of a list field, read by {@code item}; a single value is taken as a list of one. */
    public <T> List<T> listOf(String key, BiFunction<Node, String, T> item) {
        Node node = present(key);
        List<T> out = new ArrayList<>();
        if (node == null) return out;
        List<Node> items = node instanceof Node.ListNode list ? list.items() : List.of(node);
        String listPath = join(path, key);
        for (int i = 0; i < items.size(); i++) {
            String at = node instanceof Node.ListNode ? listPath + "[" + i + "]" : listPath;
            T value = item.apply(items.get(i), at);
            if (value != null) out.add(value);
        }
        return out;
    }

    public void missing(String key) {
        problems.add(site(key), "missing required field '" + key + "'");
    }

    public void problem(String key, String message) {
        problems.add(site(key), message);
    }

    private Site siteOf(Node node, String at) {
        return new Site(file, node.line(), node.column(), at);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
