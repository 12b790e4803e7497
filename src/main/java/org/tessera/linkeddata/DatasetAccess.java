package org.tessera.linkeddata;

import org.apache.jena.sparql.core.DatasetGraph;

import java.util.function.Function;

/** Reads the dataset a server serves now, inside a read transaction, holding it open until the read ends. */
@FunctionalInterface
public interface DatasetAccess {
    <T> T read(Function<DatasetGraph, T> reader);
}
