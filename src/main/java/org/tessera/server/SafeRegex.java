package org.tessera.server;

import org.apache.jena.atlas.lib.Lib;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * REGEX with a time budget per match. Java's regular expressions backtrack, so
 * a pattern such as {@code ^(a+)+$} can run for hours on one string, and a
 * query deadline cannot stop it: the deadline is checked between rows. Here the
 * text is read through a {@link CharSequence} that fails once the budget is
 * spent, which makes that match an evaluation error (the row is dropped) and
 * lets the deadline do its work.
 */
final class SafeRegex extends FunctionBase {
    static final String IRI = "urn:tessera:function:regex";

    private final long budgetNanos;

    private SafeRegex(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    static void register(long budgetNanos) {
        FunctionRegistry.get().put(IRI, uri -> new SafeRegex(budgetNanos));
    }

    /** The query with every REGEX replaced by this function. */
    static Query rewrite(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN function, ExprList args) {
                return function instanceof E_Regex ? new E_Function(IRI, args) : super.transform(function, args);
            }
        });
    }

    @Override
    public void checkBuild(String uri, ExprList args) {
        if (args.size() != 2 && args.size() != 3) throw new ExprEvalException("REGEX takes 2 or 3 arguments");
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
        NodeValue text = args.get(0);
        if (!text.isString() && !text.isLangString()) throw new ExprEvalException("REGEX: not a string: " + text);
        String flags = args.size() == 3 ? args.get(2).getString() : "";
        Pattern pattern;
        try {
            pattern = Pattern.compile(flags.contains("q") ? Pattern.quote(args.get(1).getString()) : args.get(1).getString(), mask(flags));
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("REGEX: " + e.getDescription());
        }
        Matcher matcher = pattern.matcher(new Budgeted(text.asNode().getLiteralLexicalForm(), System.nanoTime() + budgetNanos));
        try {
            return NodeValue.makeBoolean(matcher.find());
        } catch (BudgetSpent e) {
            throw new ExprEvalException("REGEX: gave up after " + budgetNanos / 1_000_000 + " ms on one string");
        }
    }

    private static int mask(String flags) {
        int mask = 0;
        if (flags.contains("i")) mask |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (flags.contains("m")) mask |= Pattern.MULTILINE;
        if (flags.contains("s")) mask |= Pattern.DOTALL;
        if (flags.contains("x")) mask |= Pattern.COMMENTS;
        if (!Lib.equals(flags.replaceAll("[imsxq]", ""), "")) throw new ExprEvalException("REGEX: only flags smixq are allowed");
        return mask;
    }

    private static final class BudgetSpent extends RuntimeException {
        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** Text that throws once its deadline has passed; the matcher reads every character through charAt. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Budgeted(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) throw new BudgetSpent();
            return text.charAt(index);
        }

        @Override public int length() { return text.length(); }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), deadline);
        }

        @Override public String toString() { return text; }
    }
}
