package org.tessera.server;

import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexDB;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.tessera.store.TextIndexing;

import java.util.Set;

/**
 * Serves a configured {@code text:TextDataset} as Tessera's own server serves its text
 * index: the database itself, with the index in its context, where {@code text:query}
 * looks first. jena-text's {@link DatasetGraphText} wraps every transaction, and in Jena
 * 5.6.0 left TDB2's read transactions open when queries on several threads stopped at
 * their deadline at once; TDB2 then refuses to close the database.
 * <p>
 * Only for a service that cannot write: the wrapper is what indexes an update.
 */
final class TextIndexInContext {
    private static final Set<Operation> READ_ONLY = Set.of(
            Operation.Query, Operation.GSP_R, Operation.Shacl, Operation.PREFIXES_R, Operation.NoOp);

    private TextIndexInContext() {}

    /** The access point to serve in place of {@code point}; {@code point} itself if it has no text dataset or may write. */
    static DataAccessPoint served(DataAccessPoint point) {
        DataService service = point.getDataService();
        if (!(service.getDataset() instanceof DatasetGraphText text) || !READ_ONLY.containsAll(service.getOperations())) {
            return point;
        }
        DatasetGraph database = text.getWrapped();
        TextIndex index = text.getTextIndex();
        if (TDBInternal.isTDB2(database)) {
            TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(database);
            transactions.modifyConfig(() -> transactions.listExternals().stream()
                    .filter(TextIndexDB.class::isInstance).toList().forEach(transactions::removeExternal));
        }
        // The wrapper's context is the database's, so the configured settings and the spatial index stay.
        TextIndexing.attach(database, index);
        DataService unwrapped = DataService.newBuilder(service).dataset(database).build();
        unwrapped.addShutdownHandler(stopped -> index.close());
        return new DataAccessPoint(point.getName(), unwrapped);
    }
}
