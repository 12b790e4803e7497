package org.tessera.store;

import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;
import org.apache.jena.geosparql.spatial.SpatialIndexException;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.output.DumpWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A generation opened for queries: the TDB2 database with a union default graph
 * (a query without GRAPH sees every source), the text index for
 * {@code text:query}, and GeoSPARQL's spatial index, read from the file the load
 * wrote (built in memory for a generation without one), which a command that runs
 * one query opens only if the query needs it.
 */
public final class ServedDataset implements AutoCloseable {
    private final Generation generation;
    private final DatasetGraph database;
    private final TextIndex index;

    private ServedDataset(Generation generation, DatasetGraph database, TextIndex index) {
        this.generation = generation;
        this.database = database;
        this.index = index;
    }

    /** The IRIs whose functions and property functions need GeoSPARQL's spatial index, or may. */
    private static final List<String> SPATIAL_NAMESPACES = List.of(
            "http://www.opengis.net/def/function/geosparql/", "http://www.opengis.net/ont/geosparql#",
            "http://jena.apache.org/spatial#", "http://jena.apache.org/function/spatial#");

    /**
     * Whether {@code query} names anything of GeoSPARQL or Jena's spatial functions, and so
     * needs the spatial index. Reading the one the load wrote takes about 1.5 s at 1M events
     * (390k places), building it for an older generation 24-37 s: time a command that runs
     * one query without them need not pay.
     */
    public static boolean needsSpatialIndex(Query query) {
        Query unprefixed = query.cloneQuery();
        unprefixed.setPrefixMapping(PrefixMapping.Factory.create());
        String text = unprefixed.serialize();
        return SPATIAL_NAMESPACES.stream().anyMatch(text::contains);
    }

    /** The generation with its text index and its spatial index, for a server. */
    public static ServedDataset open(Generation generation) {
        return open(generation, true);
    }

    /** The generation with its text index, and with the spatial index if {@code spatialIndex}. */
    public static ServedDataset open(Generation generation, boolean spatialIndex) {
        GeoSPARQLConfig.setupMemoryIndex();
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(generation.tdb().toString());
        database.getContext().set(TDB2.symUnionDefaultGraph, true);
        manifest(generation).ifPresent(manifest -> {
            database.getContext().set(DumpWriter.QUADS, manifest.quads());
            database.getContext().set(DumpWriter.NQUADS_FILE, LoadedNQuads.whileUnchanged(generation, manifest));
        });
        ServedPlans.apply(database);
        TextIndex index;
        try {
            index = TextIndexing.open(generation.textIndex());
        } catch (IOException e) {
            TDBInternal.expel(database);
            throw new UncheckedIOException(e);
        }
        try {
            TextIndexing.attach(database, index);
            if (spatialIndex) SpatialIndexing.attach(database, generation);
            return new ServedDataset(generation, database, index);
        } catch (SpatialIndexException e) {
            index.close();
            TDBInternal.expel(database);
            throw new IllegalStateException("Cannot build the spatial index of " + generation.name() + ": " + e.getMessage(), e);
        }
    }

    /** Its manifest; none for a generation without one. */
    private static Optional<Manifest> manifest(Generation generation) {
        try {
            return Optional.of(Manifest.read(generation.manifest()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Generation generation() { return generation; }

    /** The dataset to query: TDB2 with its text and spatial indexes. */
    public DatasetGraph dataset() { return database; }

    /** Closes the text index and removes the database from this process, releasing its lock. */
    @Override
    public void close() {
        index.close();
        TDBInternal.expel(database);
    }
}
