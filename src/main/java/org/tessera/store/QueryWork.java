package org.tessera.store;

import org.apache.jena.sparql.util.Context;

/**
 * What one query execution asked of the store's indexes, as its plans counted it: the
 * subjects read whole and the finds left to the index. Time on a shared machine moves by
 * a third; these counts do not, so a change to the plans is judged by them first
 * ({@code Bench work}, BENCHMARKS.md).
 *
 * @param reads the subjects read in one range scan ({@link SubjectTuples})
 * @param lookups the finds that descended the index
 */
public record QueryWork(long reads, long lookups) {

    /** The work of the execution with this context, once its rows have been read. */
    public static QueryWork of(Context context) {
        return new QueryWork(SubjectTuples.reads(context), SubjectTuples.lookups(context));
    }
}
