package org.tessera.store;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.tdb2.xloader.ProcBuildIndexX;
import org.apache.jena.tdb2.xloader.ProcBuildNodeTableX;
import org.apache.jena.tdb2.xloader.ProcIngestDataX;
import org.apache.jena.tdb2.xloader.XLoaderFiles;
import org.tessera.support.FileTrees;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TDB2's xloader ({@code tdb2.xloader}), its steps run in this process: the terms,
 * then each index, are sorted on disk by GNU sort(1) and written as packed B+trees,
 * bottom up.
 */
final class SortedLoad {
    /** The indexes of TDB2's triple table, then of its quad table; one with no rows comes out empty. */
    private static final List<String> INDEXES = List.of("SPO", "POS", "OSP", "GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG");

    private SortedLoad() {}

    static long load(Path tdb, List<Path> nquads, Path work) throws IOException {
        requireTools();
        // xloader parses on a thread of its own: a syntax error there would leave sort(1)
        // waiting for the rest of its input. Every file is parsed once beforehand instead.
        long count = 0;
        for (Path file : nquads) count += parse(file).count();
        Path temporary = Files.createTempDirectory(work, "sort-");
        try {
            XLoaderFiles files = new XLoaderFiles(temporary.toString());
            String location = tdb.toString();
            // xloader's parsers tell the syntax by the file name: each file is named *.nq for them.
            List<String> data = new ArrayList<>();
            for (Path file : nquads) {
                Path named = temporary.resolve("input-" + data.size() + ".nq");
                Files.createSymbolicLink(named, file.toAbsolutePath());
                data.add(named.toString());
            }
            int sortThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
            ProcBuildNodeTableX.exec(location, files, sortThreads, null, data);
            ProcIngestDataX.exec(location, files, data, false);
            for (String index : INDEXES) ProcBuildIndexX.exec(location, index, sortThreads, null, files);
        } finally {
            FileTrees.delete(temporary);
        }
        return count;
    }

    private static StreamRDFCounting parse(Path file) throws IOException {
        StreamRDFCounting counting = StreamRDFLib.count();
        try {
            RDFParser.source(file).lang(Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerExceptionOnError()).parse(counting);
        } catch (RiotParseException e) {
            throw new IOException(file + ":" + e.getLine() + ":" + e.getCol() + ": " + e.getOriginalMessage(), e);
        } catch (RiotException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return counting;
    }

    /** xloader runs GNU sort(1), and gzip for the sort's temporary files. */
    private static void requireTools() throws IOException {
        String version;
        try {
            Process sort = new ProcessBuilder("sort", "--version").redirectErrorStream(true).start();
            version = new String(sort.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sort.waitFor();
        } catch (IOException e) {
            version = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!version.contains("GNU")) {
            throw new IOException("The sorted loader needs GNU sort (coreutils) on the PATH; use the phased loader on this machine");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/gzip")) && !Files.isExecutable(Path.of("/bin/gzip"))) {
            throw new IOException("The sorted loader needs gzip in /usr/bin or /bin; use the phased loader on this machine");
        }
    }
}
