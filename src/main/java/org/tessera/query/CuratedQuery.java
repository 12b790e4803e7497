package org.tessera.query;

import java.util.List;

/**
 * A query of the library: its SPARQL text and the header that documents it.
 *
 * @param name        the file name without {@code .rq}
 * @param parameters  the variables a user may set, each with a default in the query's own VALUES clause
 */
public record CuratedQuery(String name, String title, String description, List<Parameter> parameters,
                           List<String> keywords, String text) {

    public record Parameter(String name, String description) {}
}
