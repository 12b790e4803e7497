package org.tessera.pipeline;

import java.nio.file.Path;

/** The folders of a Tessera project, by the layout the README describes. */
public record Project(Path root, Path ontology) {
    /** A project whose ontology is its own ontology/ folder. */
    public Project(Path root) {
        this(root, root.resolve("ontology"));
    }

    public Path annotations() { return root.resolve("annotations"); }
    public Path corpus() { return root.resolve("corpus"); }
    public Path shapes() { return ontology().resolve("shapes.ttl"); }
    public Path rdf() { return root.resolve("rdf"); }
    public Path queries() { return root.resolve("queries"); }
    /** Local, generated state that is never committed: the database, the last conversion's fingerprint. */
    public Path state() { return root.resolve(".tessera"); }
    public Path database() { return state().resolve("db"); }
}
