package org.tessera.store;

import java.nio.file.Path;

/**
 * One complete load of the graph: a TDB2 database and its Lucene text index,
 * side by side in their own folder, never changed once published.
 */
public record Generation(Path dir) {
    static final String PREFIX = "gen-";

    public Path tdb() { return dir.resolve("tdb2"); }
    public Path textIndex() { return dir.resolve("text"); }
    /** GeoSPARQL's spatial index of its places, in Jena's file format ({@link SpatialIndexing}). */
    public Path spatialIndex() { return dir.resolve("spatial.index"); }
    /** The N-Quads file it was loaded from, when kept as a link ({@link LoadedNQuads}). */
    public Path loadedNQuads() { return dir.resolve("loaded.nq"); }
    /** Its N-Quads dump, written from its data where no loaded file could be linked ({@link LoadedNQuads}). */
    public Path writtenNQuads() { return dir.resolve("dump.nq"); }
    /** Written last by a load: a generation without it is incomplete. */
    public Path manifest() { return dir.resolve("generation.json"); }

    public String name() { return dir.getFileName().toString(); }

    int number() {
        return Integer.parseInt(name().substring(PREFIX.length()));
    }

    static boolean isGenerationName(String name) {
        return name.matches(PREFIX + "\\d{4,9}");
    }
}
