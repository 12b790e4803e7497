package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.sparql.core.DatasetGraph;
import org.tessera.output.DumpFormat;
import org.tessera.output.DumpWriter;
import org.tessera.output.SortedQuads;
import org.tessera.vocabulary.Namespaces;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The full dumps the VoID description lists, {@code /dumps/tessera.nq.gz} and the
 * like. Where the store kept the N-Quads dump of the served generation (the file it was
 * loaded from, or one the load wrote), the N-Quads dump is that file, and the others are
 * written from it as it is read: TriG as it comes, JSON-LD a part of a graph at a time,
 * Turtle and RDF/XML (the union of the graphs) sorted on disk. Without a kept file, a
 * dump is written from the served data, sorted in memory, and refused ({@code 503})
 * where that would take more than half the heap.
 */
public final class DumpServlet extends HttpServlet {
    /** Heap a dump sorted in memory takes a quad: 4.4-4.6 GB for 11M quads at 100k events (round twenty-one). */
    static final long HEAP_BYTES_PER_QUAD = 420;

    private final transient DatasetAccess access;

    public DumpServlet(DatasetAccess access) {
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        DumpFormat format;
        try {
            format = DumpFormat.ofFileName(name);
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No dump " + name + "; try tessera.nq.gz");
            return;
        }
        if (!name.equals("tessera." + format.extension()) && !name.equals("tessera." + format.extension() + ".gz")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No dump " + name);
            return;
        }
        access.read(dataset -> {
            try {
                send(dataset, format, name, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Sends the dump {@code name} of the dataset, within the read that holds it open. */
    private void send(DatasetGraph dataset, DumpFormat format, String name, HttpServletResponse response) throws IOException {
        // The sorted N-Quads of the data: the N-Quads dump as it is, and the others written from it
        // as it is read. None sorts the whole dataset in memory.
        Path kept = dataset.getContext().get(DumpWriter.NQUADS_FILE) instanceof DumpWriter.NQuadsFile file
                ? file.now().orElse(null) : null;
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (kept == null && dataset.getContext().get(DumpWriter.QUADS) instanceof Long quads && !sortsInMemory(quads, maxHeap)) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, String.format(Locale.ROOT,
                    "The %s dump of %,d quads would be sorted in memory, about %,d MB of this server's %,d MB: "
                            + "ask for tessera.nq.gz, the file the data was loaded from",
                    format.cliName(), quads, quads * HEAP_BYTES_PER_QUAD >> 20, maxHeap >> 20));
            return;
        }
        boolean gzip = name.endsWith(".gz");
        response.setContentType(gzip ? "application/gzip" : format.lang().getContentType().getContentTypeStr());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        boolean asItIs = kept != null && format == DumpFormat.NQUADS;
        if (asItIs && !gzip) response.setContentLengthLong(Files.size(kept));
        // Buffered before gzip, which compresses each write it is given on its own: a writer that
        // writes a few bytes at a time made the JSON-LD dump of 10k events take 27-30 s, not 9 s.
        OutputStream raw = response.getOutputStream();
        try (OutputStream out = new BufferedOutputStream(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, 1 << 16)) {
            if (asItIs) {
                Files.copy(kept, out);
                return;
            }
            String base = DatasetBase.of(dataset).orElse(null);
            DumpWriter writer = new DumpWriter(Namespaces.prefixes(base), base);
            if (kept != null) {
                try (InputStream in = Files.newInputStream(kept)) {
                    writer.streamAny(in, format, Path.of(System.getProperty("java.io.tmpdir")), out);
                }
            } else {
                writer.write(SortedQuads.of(dataset), format, out);
            }
        }
    }

    /**
     * Whether a dump of {@code quads} may be sorted in a heap of {@code maxHeap} bytes: in
     * half of it, so that one request for a dump cannot starve every query of memory.
     */
    static boolean sortsInMemory(long quads, long maxHeap) {
        return quads <= maxHeap / 2 / HEAP_BYTES_PER_QUAD;
    }
}
