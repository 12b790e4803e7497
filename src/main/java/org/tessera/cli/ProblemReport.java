package org.tessera.cli;

import org.tessera.pipeline.StreamingConversion;

import java.io.PrintWriter;
import java.util.List;

/** Prints problems to the error stream, one per line, then a count. */
final class ProblemReport {
    private ProblemReport() {}

    /** Prints the problems of an invalid conversion, annotation problems first. */
    static void print(PrintWriter err, StreamingConversion.Result result) {
        if (!result.problems().isEmpty()) print(err, result.problems());
        else printShapes(err, result.shapeViolations());
    }

    private static void print(PrintWriter err, List<?> problems) {
        problems.forEach(err::println);
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found; nothing written.");
        err.flush();
    }

    static void printShapes(PrintWriter err, List<String> violations) {
        violations.forEach(v -> err.println("SHACL: " + v));
        err.println(violations.size() + " SHACL violation" + (violations.size() == 1 ? "" : "s") + "; nothing written.");
        err.flush();
    }
}
