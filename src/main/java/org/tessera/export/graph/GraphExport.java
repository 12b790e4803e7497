package org.tessera.export.graph;

import org.apache.jena.sparql.core.DatasetGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Exports views of the graph for network and map tools: Gephi (GEXF, with a
 * dynamic timeline), yEd and networkx (GraphML), Cytoscape (Cytoscape.js JSON),
 * spreadsheets and QGIS (CSV), QGIS and web maps (GeoJSON), Graphviz (DOT).
 * Node ids are the resources' IRIs; the same dataset gives the same bytes.
 */
public final class GraphExport {
    public static final List<String> FORMATS = List.of("gexf", "graphml", "cytoscape", "csv", "geojson", "dot");
    public static final List<String> VIEWS = View.ids();

    private static final Map<String, GraphWriter> WRITERS = Map.of(
            "gexf", new GexfWriter(), "graphml", new GraphmlWriter(), "cytoscape", new CytoscapeJsonWriter(),
            "csv", new CsvWriter(), "geojson", new GeoJsonWriter(), "dot", new DotWriter());
    private static final Map<String, String> EXTENSIONS = Map.of(
            "gexf", ".gexf", "graphml", ".graphml", "cytoscape", ".cyjs", "csv", "-csv", "geojson", ".geojson",
            "dot", ".dot");

    private GraphExport() {}

    /**
     * Writes one view of the dataset (the union of its graphs) in one format. For
     * csv, out is a directory that receives nodes.csv and edges.csv; for every other
     * format, out is a file. Throws IllegalArgumentException for an unknown format
     * or view, or a format that a view does not support (saying which ones it does).
     */
    public static void write(DatasetGraph dataset, String format, String view, Path out) throws IOException {
        View v = check(format, view);
        PropertyGraph built;
        try (GraphQueries queries = new GraphQueries(dataset, v.queries)) {
            built = v.build(queries);
        }
        try (PropertyGraph graph = built) {
            WRITERS.get(format).replace(graph, out);
        }
    }

    /** The default file name, such as "tessera-actors.gexf"; for csv a directory name, "tessera-full-csv". */
    public static String defaultFileName(String format, String view) {
        check(format, view);
        return "tessera-" + view + EXTENSIONS.get(format);
    }

    private static View check(String format, String view) {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("Unknown format '" + format + "': use " + String.join(", ", FORMATS));
        }
        View v = View.of(view);
        if (!v.formats.contains(format)) {
            throw new IllegalArgumentException("The " + view + " view cannot be written as " + format
                    + ": use " + String.join(", ", v.formats));
        }
        return v;
    }
}
