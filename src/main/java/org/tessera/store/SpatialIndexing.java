package org.tessera.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;
import org.apache.jena.geosparql.spatial.SpatialIndex;
import org.apache.jena.geosparql.spatial.SpatialIndexException;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexIoKryo;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexLib;
import org.apache.jena.geosparql.spatial.index.v2.SpatialIndexPerGraph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * GeoSPARQL's spatial index of a generation: built once by the load and written beside
 * the database, in Jena's own file format, then read by every process that opens the
 * generation. Built on each open, it took 24-37 s at 1M events (390k places) before a
 * server could answer, and again at each switch to new data; read, 1.6 s (a 27 MB file;
 * BENCHMARKS.md, round forty).
 */
final class SpatialIndexing {
    private SpatialIndexing() {}

    /** Builds the database's spatial index and writes it to {@code file}. */
    static void build(DatasetGraph database, Path file) throws SpatialIndexException {
        SpatialIndex index = SpatialIndexLib.buildSpatialIndex(database);
        if (!(index instanceof SpatialIndexPerGraph perGraph)) {
            throw new SpatialIndexException("Jena built a spatial index of a kind it cannot write: " + index.getClass().getName());
        }
        SpatialIndexIoKryo.save(file, perGraph);
    }

    /**
     * Gives the database the generation's spatial index: the one its load wrote, or, for
     * a generation loaded before loads wrote one, one built now in memory.
     */
    static void attach(DatasetGraph database, Generation generation) throws SpatialIndexException {
        if (Files.isRegularFile(generation.spatialIndex())) {
            GeoSPARQLConfig.setupPrecomputedSpatialIndex(DatasetFactory.wrap(database), generation.spatialIndex());
        } else {
            GeoSPARQLConfig.setupSpatialIndex(DatasetFactory.wrap(database));
        }
    }
}
