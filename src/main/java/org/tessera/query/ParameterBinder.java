package org.tessera.query;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.riot.system.PrefixMapFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets the parameters of a curated query without touching its text: each
 * parameter is a variable whose default sits in a top-level
 * {@code VALUES ?name { ... }} clause, and the binder replaces that clause's row
 * in the parsed query with a single RDF term. A value can never change the
 * shape of the query, whatever characters it holds.
 * <p>
 * A sub-query may repeat the clause, with the same default, when it must be
 * narrowed by the parameter itself: a grouped sub-query runs before any join, so
 * the top-level clause does not reach it (queries/README.md). The value replaces
 * every such clause.
 */
public final class ParameterBinder {
    private ParameterBinder() {}

    public static Query bind(CuratedQuery curated, Map<String, String> values) {
        Query query = QueryFactory.create(curated.text(), Syntax.syntaxSPARQL_11);
        for (var entry : values.entrySet()) {
            String name = entry.getKey();
            if (curated.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("Query " + curated.name() + " has no parameter '" + name + "'; it has: "
                        + String.join(", ", curated.parameters().stream().map(CuratedQuery.Parameter::name).toList()));
            }
            ElementData data = valuesClause(query, name)
                    .orElseThrow(() -> new IllegalArgumentException("Query " + curated.name() + ": parameter '" + name
                            + "' has no top-level VALUES ?" + name + " clause to hold its value"));
            Var var = Var.alloc(name);
            Node current = data.getRows().isEmpty() ? null : data.getRows().get(0).get(var);
            Binding row = BindingFactory.binding(var, term(entry.getValue(), current, query));
            for (ElementData clause : everyClause(query, name, data)) {
                clause.getRows().clear();
                clause.getRows().add(row);
            }
        }
        return query;
    }

    /**
     * Every declared parameter has its top-level VALUES clause, and the clauses that
     * sub-queries repeat hold the same default; the problems, one line each.
     */
    public static List<String> check(CuratedQuery curated) {
        Query query = QueryFactory.create(curated.text(), Syntax.syntaxSPARQL_11);
        List<String> problems = new ArrayList<>();
        for (CuratedQuery.Parameter parameter : curated.parameters()) {
            String name = parameter.name();
            Optional<ElementData> top = valuesClause(query, name);
            if (top.isEmpty()) {
                problems.add(curated.name() + ".rq: parameter '" + name + "' has no top-level VALUES ?" + name + " clause");
            } else if (everyClause(query, name, top.get()).stream().anyMatch(c -> !c.getRows().equals(top.get().getRows()))) {
                problems.add(curated.name() + ".rq: parameter '" + name + "' has a VALUES ?" + name
                        + " clause in a sub-query whose default is not the top-level one");
            }
        }
        return problems;
    }

    /** The top-level clause, then every {@code VALUES ?name} clause of the sub-queries, at any depth. */
    private static List<ElementData> everyClause(Query query, String name, ElementData top) {
        List<ElementData> clauses = new ArrayList<>(List.of(top));
        collectSubQueryClauses(query.getQueryPattern(), List.of(Var.alloc(name)), clauses);
        return clauses;
    }

    private static void collectSubQueryClauses(Element pattern, List<Var> vars, List<ElementData> clauses) {
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override public void visit(ElementSubQuery subQuery) {
                Element inner = subQuery.getQuery().getQueryPattern();
                ElementWalker.walk(inner, new ElementVisitorBase() {
                    @Override public void visit(ElementData data) {
                        if (data.getVars().equals(vars)) clauses.add(data);
                    }
                });
                collectSubQueryClauses(inner, vars, clauses);
            }
        });
    }

    private static Optional<ElementData> valuesClause(Query query, String name) {
        if (!(query.getQueryPattern() instanceof ElementGroup group)) return Optional.empty();
        for (Element element : group.getElements()) {
            if (element instanceof ElementData data && data.getVars().equals(List.of(Var.alloc(name)))) {
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one RDF term. Full syntax ({@code <iri>}, {@code ex:name},
     * {@code "text"@en}, {@code "1"^^xsd:int}) is parsed as such; a bare value
     * takes the kind of the default: an IRI for an IRI, a literal of the same
     * datatype for a literal, checked against that datatype.
     */
    static Node term(String value, Node defaultValue, Query query) {
        String v = value.strip();
        if (v.startsWith("<") || v.startsWith("\"") || v.startsWith("'") || v.matches("[A-Za-z][\\w-]*:[^/\\s]*")
                && query.getPrefixMapping().getNsPrefixURI(v.substring(0, v.indexOf(':'))) != null) {
            try {
                Node node = NodeFactoryExtra.parseNode(v, PrefixMapFactory.create(query.getPrefixMapping()));
                if (node.isURI() || node.isLiteral()) return node;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not an RDF term: " + value + " (" + e.getMessage() + ")");
            }
            throw new IllegalArgumentException("Not an IRI or a literal: " + value);
        }
        if (defaultValue != null && defaultValue.isURI()) {
            if (!v.matches("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+")) {
                throw new IllegalArgumentException("Not an absolute IRI: " + value);
            }
            return NodeFactory.createURI(v);
        }
        if (defaultValue != null && defaultValue.isLiteral() && !defaultValue.getLiteralLanguage().isEmpty()) {
            return NodeFactory.createLiteralLang(value, defaultValue.getLiteralLanguage());
        }
        if (defaultValue != null && defaultValue.isLiteral()) {
            RDFDatatype datatype = defaultValue.getLiteralDatatype();
            if (!datatype.isValid(value)) {
                throw new IllegalArgumentException("Not a valid " + datatype.getURI() + ": " + value);
            }
            return NodeFactory.createLiteralDT(value, datatype);
        }
        return NodeFactory.createLiteralString(value);
    }
}
