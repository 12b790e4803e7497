package org.tessera.server;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the behaviour of jena-text 5.6.0 that {@link TextIndexInContext} and Tessera's own
 * server keep out of served transactions (docs/serving.md): every aborted TDB2 transaction,
 * a read among them, rolls the Lucene index writer back, and rollbacks on several threads
 * at once fail, which leaves their transactions open. When this test fails, jena-text has
 * changed either; it is also the reproduction to report upstream.
 */
class TextIndexRollbackTest {
    private static TextIndexLucene index() {
        return (TextIndexLucene) TextDatasetFactory.createLuceneIndex(new ByteBuffersDirectory(),
                new TextIndexConfig(new EntityDefinition("uri", "text", RDFS.label)));
    }

    @Test
    void aReadTransactionThatAbortsRollsTheIndexWriterBack() {
        TextIndexLucene index = index();
        DatasetGraphText dataset = (DatasetGraphText) TextDatasetFactory.create(DatabaseMgr.createDatasetGraph(), index, true);
        IndexWriter before = index.getIndexWriter();
        dataset.begin(ReadWrite.READ);
        dataset.abort();
        dataset.end();
        assertNotSame(before, index.getIndexWriter(), "a new writer: the old one was rolled back and closed");
    }

    @Test
    void rollbacksOnSeveralThreadsAtOnceFail() throws Exception {
        TextIndexLucene index = index();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> rollbacks = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                rollbacks.add(threads.submit(() -> {
                    start.await();
                    try {
                        index.rollback();
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            long failed = 0;
            for (Future<Boolean> rollback : rollbacks) if (!rollback.get()) failed++;
            assertTrue(failed > 0, "none of 200 rollbacks on 8 threads failed");
        } finally {
            threads.shutdown();
        }
    }
}
