package org.tessera;

import org.tessera.support.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies test projects into temporary folders, with the repository's real ontology beside them. */
public final class TestProjects {
    public static final Path REPO = Path.of("").toAbsolutePath();
    public static final Path PROJECTS = REPO.resolve("src/test/resources/projects");

    private TestProjects() {}

    /** A fresh copy of {@code src/test/resources/projects/NAME} with ontology/ added. */
    public static Path copy(String name, Path into) {
        Path target = into.resolve(name);
        copyTree(PROJECTS.resolve(name), target);
        copyTree(REPO.resolve("ontology"), target.resolve("ontology"));
        return target;
    }

    /**
     * A new temporary folder, deleted with what it holds when the test JVM exits: for
     * fixtures shared by the tests of one JVM, which no {@code @TempDir} outlives.
     */
    public static Path folderForThisJvm(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.delete(folder);
                } catch (IOException e) {
                    System.err.println("Could not delete " + folder + ": " + e);
                }
            }));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
