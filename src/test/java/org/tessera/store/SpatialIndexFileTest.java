package org.tessera.store;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.CorpusStore;
import org.tessera.TestProjects;
import org.tessera.query.ParameterBinder;
import org.tessera.query.QueryLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A load writes GeoSPARQL's spatial index beside the database, and opening the generation reads it rather than building it. */
class SpatialIndexFileTest {
    @TempDir Path dir;

    /** The rows of events-near-place (around Mosul) on the generation, opened as a server opens it. */
    private static List<String> nearMosul(Generation generation) throws IOException {
        Query nearMosul = ParameterBinder.bind(new QueryLibrary(TestProjects.REPO.resolve("queries")).find("events-near-place").orElseThrow(), Map.of());
        try (ServedDataset served = ServedDataset.open(generation)) {
            return Txn.calculateRead(served.dataset(), () -> {
                try (QueryExec exec = QueryExec.dataset(served.dataset()).query(nearMosul).build()) {
                    List<String> rows = new ArrayList<>();
                    exec.select().forEachRemaining(row -> rows.add(row.toString()));
                    return rows;
                }
            });
        }
    }

    @Test
    void theLoadWritesTheIndexAndAnOpenReadsIt() throws IOException {
        Generation corpus = new StoreLoader(new Store(dir.resolve("corpus")), line -> { }).load(List.of(CorpusStore.CORPUS_NQUADS)).generation();
        assertTrue(Files.size(corpus.spatialIndex()) > 1000, "written by the load: " + Files.size(corpus.spatialIndex()) + " bytes");
        List<String> rows = nearMosul(corpus);
        assertTrue(rows.size() > 5, "events near Mosul: " + rows);

        // The index of a store without places, in the corpus's generation: if the open read the
        // file, the search finds no place; had it built its own, the rows would stay.
        Generation noPlaces = new StoreLoader(new Store(dir.resolve("labels")), line -> { })
                .load(List.of(LabelQuads.write(dir, "labels.nq", 3))).generation();
        Path kept = Files.move(corpus.spatialIndex(), dir.resolve("corpus-spatial.index"));
        Files.copy(noPlaces.spatialIndex(), corpus.spatialIndex());
        assertEquals(List.of(), nearMosul(corpus), "the index read from the file");

        // A generation loaded before loads wrote the file builds the index as it opens.
        Files.delete(corpus.spatialIndex());
        assertEquals(rows, nearMosul(corpus), "the index built in memory");

        Files.move(kept, corpus.spatialIndex(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(rows, nearMosul(corpus), "the corpus's own file again");
    }
}
