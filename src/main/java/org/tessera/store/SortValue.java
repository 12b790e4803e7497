package org.tessera.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.engine.binding.BindingComparator;
import org.apache.jena.sparql.expr.NodeValue;

import java.util.regex.Pattern;

/**
 * A sort key's value, with the text that orders it the way Jena does against a value of
 * the same form. Jena compares two values through their value spaces at every comparison:
 * two dates are two calendars copied and normalised, two strings two literals checked for
 * equality first. For the forms most sorts meet (an IRI, a string, a string in one same
 * language, an xsd:date with a four-digit year and no timezone) the order of the text is
 * Jena's order, so a sort compares strings; any other pair goes to
 * {@link BindingComparator#compareNodesRaw}.
 */
final class SortValue {
    /** The dates whose text sorts as their value: no sign, no fifth year digit, no timezone. */
    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private enum Form { IRI, STRING, LANGUAGE_STRING, PLAIN_DATE, OTHER }

    private final NodeValue value;
    private final Form form;
    private final String text;
    private final String language;

    private SortValue(NodeValue value, Form form, String text) {
        this(value, form, text, "");
    }

    private SortValue(NodeValue value, Form form, String text, String language) {
        this.value = value;
        this.form = form;
        this.text = text;
        this.language = language;
    }

    /** The value, or the absence of one (null: unbound, or the expression failed). */
    static SortValue of(NodeValue value) {
        if (value == null) return new SortValue(null, Form.OTHER, null);
        if (value.isIRI()) return new SortValue(value, Form.IRI, value.asNode().getURI());
        if (value.isString()) return new SortValue(value, Form.STRING, value.getString());
        if (value.isLangString() && value.asNode().getLiteralBaseDirection() == null)
            return new SortValue(value, Form.LANGUAGE_STRING, value.getString(), value.getLang());
        if (value.isDate() && value.asNode().isLiteral()
                && XSDDatatype.XSDdate.getURI().equals(value.getDatatypeURI())) {
            String lexical = value.asNode().getLiteralLexicalForm();
            if (PLAIN_DATE.matcher(lexical).matches()) return new SortValue(value, Form.PLAIN_DATE, lexical);
        }
        return new SortValue(value, Form.OTHER, null);
    }

    /**
     * Jena's order of the two values: {@link BindingComparator#compareNodesRaw}, the absent
     * first. Strings in two languages, or in tags that differ in case, go to Jena: it orders
     * them by their whole terms.
     */
    static int compare(SortValue a, SortValue b) {
        if (a.form == b.form && a.form != Form.OTHER && a.language.equals(b.language))
            return Integer.signum(a.text.compareTo(b.text));
        return BindingComparator.compareNodesRaw(a.value, b.value);
    }
}
