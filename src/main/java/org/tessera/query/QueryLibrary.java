package org.tessera.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The curated queries of a project: the {@code .rq} files of its {@code queries/} folder, by name. */
public final class QueryLibrary {
    private final Path dir;

    public QueryLibrary(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }

    /** Every query, sorted by name; a file with a bad header fails the whole list, naming the file. */
    public List<CuratedQuery> all() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<CuratedQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                queries.add(read(file));
            }
        }
        return queries;
    }

    /** A query by its name in the library, or by the path of any {@code .rq} file, which needs no header. */
    public Optional<CuratedQuery> find(String nameOrFile) throws IOException {
        Path asFile = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".rq") && Files.isRegularFile(asFile)) return Optional.of(read(asFile, false));
        if (!nameOrFile.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) return Optional.empty();
        Path inLibrary = dir.resolve(nameOrFile + ".rq");
        return Files.isRegularFile(inLibrary) ? Optional.of(read(inLibrary)) : Optional.empty();
    }

    /** A query of a library, whose header must give its title and description. */
    public static CuratedQuery read(Path file) throws IOException {
        return read(file, true);
    }

    private static CuratedQuery read(Path file, boolean documented) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        return QueryHeader.parse(name, Files.readString(file, StandardCharsets.UTF_8), documented);
    }
}
