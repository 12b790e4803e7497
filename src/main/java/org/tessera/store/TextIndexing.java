package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tessera.vocabulary.Terms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The Lucene full-text index over names and words: labels, aliases, descriptions,
 * the words of statements and the exact text of every evidence quote. All of
 * them go into one field, so that {@code ?s text:query "Daesh"} searches them all;
 * the graph field lets a search inside {@code GRAPH} keep to that source.
 */
public final class TextIndexing {
    /** The indexed properties, in the order the index is filled. */
    public static final List<Node> PROPERTIES = List.of(
            Terms.LABEL, Terms.PREF_LABEL, Terms.ALT_LABEL, Terms.DC_DESCRIPTION, Terms.WORDS, Terms.OA_EXACT);

    private TextIndexing() {}

    static EntityDefinition entityDefinition() {
        EntityDefinition definition = new EntityDefinition("uri", "text", "graph");
        definition.setLangField("lang");
        PROPERTIES.forEach(property -> definition.set("text", property));
        return definition;
    }

    /** Opens (or creates) the index stored in {@code dir}. */
    public static TextIndex open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        // Stored values let a search return the matching text: (?s ?score ?literal) text:query "...".
        config.setValueStored(true);
        return TextDatasetFactory.createLuceneIndex(directory, config);
    }

    /** Fills a new index from a loaded database, as Jena's textindexer does, and closes it. */
    static long build(DatasetGraph database, Path dir) throws IOException {
        TextIndex index = open(dir);
        long entities = 0;
        try {
            entities = Txn.calculateRead(database, () -> {
                long count = 0;
                for (Node property : PROPERTIES) {
                    Iterator<Quad> quads = database.find(Node.ANY, Node.ANY, property, Node.ANY);
                    while (quads.hasNext()) {
                        Entity entity = TextQueryFuncs.entityFromQuad(index.getDocDef(), quads.next());
                        if (entity != null) {
                            index.addEntity(entity);
                            count++;
                        }
                    }
                }
                return count;
            });
            index.commit();
        } finally {
            index.close();
        }
        return entities;
    }

    /** The database wrapped so that {@code text:query} reaches the index. */
    static DatasetGraph withIndex(DatasetGraph database, TextIndex index) {
        return TextDatasetFactory.create(database, index, true);
    }
}
