package org.tessera.pipeline;

import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.build.GraphBuilder;
import org.tessera.build.Iris;
import org.tessera.model.Annotations;
import org.tessera.output.AtomicDirectory;
import org.tessera.output.DatasetWriter;
import org.tessera.output.SortedQuads;
import org.tessera.read.AnnotationReader;
import org.tessera.read.Problems;
import org.tessera.shacl.ShapeCheck;
import org.tessera.validate.Evidence;
import org.tessera.validate.Validator;
import org.tessera.vocabulary.Namespaces;
import org.tessera.vocabulary.OntologyTerms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The convert as it was before it streamed: the whole corpus read, validated,
 * built, checked with SHACL and sorted in memory, then written. It shares the
 * components of {@link StreamingConversion} but none of its ordering, indexing,
 * threads or external sort, so the tests hold the streaming convert to its
 * bytes, and the fuzz test uses it to build what it mutates.
 */
public final class InMemoryConversion {
    private final Project project;
    private final OntologyTerms terms;

    public InMemoryConversion(Project project) {
        this.project = Objects.requireNonNull(project, "project");
        this.terms = OntologyTerms.load(project.ontology());
    }

    public OntologyTerms terms() {
        return terms;
    }

    /** Reads and validates; never throws for bad input, which ends up in the problems. */
    public CheckedAnnotations check() {
        Problems problems = new Problems();
        Annotations annotations = new AnnotationReader(terms).read(project.annotations(), project.root(), problems);
        Evidence evidence = new Validator(project.corpus(), project.root()).validate(annotations, problems);
        return new CheckedAnnotations(annotations, evidence, problems.sorted());
    }

    /**
     * Checks, builds and runs the SHACL shapes: everything but writing.
     * The outcome holds the problems of the first stage that found any.
     */
    public Outcome run(String baseOverride) {
        CheckedAnnotations checked = check();
        if (!checked.valid()) return new Outcome(checked, null, List.of(), null);
        DatasetGraph dataset = build(checked, baseOverride);
        return new Outcome(checked, dataset, shapeViolations(dataset), base(checked, baseOverride));
    }

    /** What {@link #run} found; {@code dataset} is null when the annotations are invalid. */
    public record Outcome(CheckedAnnotations checked, DatasetGraph dataset, List<String> shapeViolations, String base) {
        public boolean valid() {
            return checked.valid() && shapeViolations.isEmpty();
        }
    }

    /** Builds the dataset of valid annotations; {@code baseOverride} replaces the dataset's base IRI when not null. */
    public DatasetGraph build(CheckedAnnotations checked, String baseOverride) {
        if (!checked.valid()) throw new IllegalStateException("Cannot build invalid annotations");
        return new GraphBuilder(new Iris(base(checked, baseOverride)), terms).build(checked.annotations(), checked.evidence());
    }

    public String base(CheckedAnnotations checked, String baseOverride) {
        return baseOverride != null ? baseOverride : checked.annotations().dataset().base();
    }

    /** The SHACL violations of a built dataset, one line each. */
    public List<String> shapeViolations(DatasetGraph dataset) {
        return ShapeCheck.fromFile(project.shapes()).violations(dataset);
    }

    /** Writes the dataset into {@code outDir}, replacing its content as a whole. */
    public void write(DatasetGraph dataset, String base, Path outDir) throws IOException {
        var sorted = SortedQuads.of(dataset);
        var writer = new DatasetWriter(Namespaces.prefixes(base));
        AtomicDirectory.replace(outDir, staging -> writer.write(sorted, staging, base));
    }
}
