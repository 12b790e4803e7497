package org.tessera.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tessera.vocabulary.Terms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lucene full-text index, in two fields. Names and words (labels, aliases,
 * descriptions, the words of statements) go into the default field, which
 * {@code ?s text:query "Daesh"} searches. The exact text of evidence quotes goes
 * into a field of its own, which {@code ?s text:query (oa:exact "car bomb")}
 * searches alone: in one shared field, the names and descriptions that use a word
 * crowd the quotes out of jena-text's 10,000 hits. Naming both properties, as in
 * {@code text:query (rdfs:label oa:exact "Mosul")}, searches both fields. The graph
 * field lets a search inside {@code GRAPH} keep to that source.
 */
public final class TextIndexing {
    /** The default field: what things are called and how they are described. */
    public static final String NAMES_FIELD = "text";
    /** The field of the words of evidence quotes. */
    public static final String QUOTES_FIELD = "quote";

    /** Each indexed property and its field, in the order the index is filled. */
    public static final Map<Node, String> FIELDS = fields();

    /** The indexed properties, in the order the index is filled. */
    public static final List<Node> PROPERTIES = List.copyOf(FIELDS.keySet());

    private TextIndexing() {}

    private static Map<Node, String> fields() {
        Map<Node, String> fields = new LinkedHashMap<>();
        for (Node names : List.of(Terms.LABEL, Terms.PREF_LABEL, Terms.ALT_LABEL, Terms.DC_DESCRIPTION, Terms.WORDS)) {
            fields.put(names, NAMES_FIELD);
        }
        fields.put(Terms.OA_EXACT, QUOTES_FIELD);
        return Collections.unmodifiableMap(fields);
    }

    /**
     * The fields as one line of text. A store's fingerprint includes it, so that a store
     * indexed with other fields is loaded and indexed again rather than searched wrong.
     */
    public static String layout() {
        StringBuilder line = new StringBuilder();
        FIELDS.forEach((property, field) -> line.append(field).append('=').append(property.getURI()).append(' '));
        return line.toString().strip();
    }

    static EntityDefinition entityDefinition() {
        EntityDefinition definition = new EntityDefinition("uri", NAMES_FIELD, "graph");
        definition.setLangField("lang");
        FIELDS.forEach((property, field) -> definition.set(field, property));
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

    /**
     * Makes {@code text:query} on {@code database} use {@code index}, through the
     * dataset's context, where jena-text looks first. Not jena-text's
     * {@code DatasetGraphText}: a server only reads, and needs none of its index
     * upkeep, and in Jena 5.6.0 its transactions leave TDB2's read transactions open
     * when queries on several threads are stopped at their deadline (1,059 of 1,106
     * at 100k events, 16 clients): each abort rolls the index writer back, and
     * {@code TextIndexLucene.rollback} fails when two run at once. TDB2 then refuses
     * to close the database.
     */
    public static void attach(DatasetGraph database, TextIndex index) {
        database.getContext().set(TextQuery.textIndex, index);
    }
}
