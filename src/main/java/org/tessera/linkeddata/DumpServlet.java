package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tessera.output.DumpFormat;
import org.tessera.output.DumpWriter;
import org.tessera.output.SortedQuads;
import org.tessera.vocabulary.Namespaces;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The full dumps the VoID description lists, {@code /dumps/tessera.nq.gz} and
 * the like, written from the served data as they are asked for.
 */
public final class DumpServlet extends HttpServlet {
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
        boolean gzip = name.endsWith(".gz");
        response.setContentType(gzip ? "application/gzip" : format.lang().getContentType().getContentTypeStr());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        access.read(dataset -> {
            String base = DatasetBase.of(dataset).orElse(null);
            try (OutputStream out = gzip ? new GZIPOutputStream(response.getOutputStream()) : response.getOutputStream()) {
                new DumpWriter(Namespaces.prefixes(base), base).write(SortedQuads.of(dataset), format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }
}
