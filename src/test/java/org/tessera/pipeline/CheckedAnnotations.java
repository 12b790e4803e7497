package org.tessera.pipeline;

import org.tessera.model.Annotations;
import org.tessera.read.Problem;
import org.tessera.validate.Evidence;

import java.util.List;

/** The outcome of reading and validating: the annotations, the located quotes, and every problem. */
public record CheckedAnnotations(Annotations annotations, Evidence evidence, List<Problem> problems) {
    public boolean valid() {
        return problems.isEmpty();
    }
}
