package org.tessera.query;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.resultset.ResultsWriter;

import java.io.OutputStream;
import java.util.Locale;

/** Writes the answer of a query in the format a user asked for. */
public enum QueryOutput {
    TABLE, CSV, TSV, JSON;

    public static QueryOutput of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + name + "': use table, csv, tsv or json");
        }
    }

    /** Runs the execution and writes its answer; returns the number of rows (1 for ASK and graphs). */
    public long write(QueryExec exec, Query query, OutputStream out) {
        if (query.isSelectType()) {
            ResultSetRewindable results = ResultSet.adapt(exec.select()).rewindable();
            long rows = results.size();
            switch (this) {
                case TABLE -> ResultSetFormatter.out(out, results, query.getPrefixMapping());
                case CSV -> ResultSetMgr.write(out, results, ResultSetLang.RS_CSV);
                case TSV -> ResultSetMgr.write(out, results, ResultSetLang.RS_TSV);
                case JSON -> ResultSetMgr.write(out, results, ResultSetLang.RS_JSON);
            }
            return rows;
        }
        if (query.isAskType()) {
            boolean answer = exec.ask();
            switch (this) {
                case JSON -> ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, answer);
                case CSV -> ResultsWriter.create().lang(ResultSetLang.RS_CSV).build().write(out, answer);
                case TSV -> ResultsWriter.create().lang(ResultSetLang.RS_TSV).build().write(out, answer);
                case TABLE -> ResultSetFormatter.out(out, answer);
            }
            return 1;
        }
        var graph = query.isConstructType() ? exec.construct() : exec.describe();
        RDFDataMgr.write(out, graph, this == JSON ? Lang.JSONLD : Lang.TURTLE);
        return graph.size();
    }
}
