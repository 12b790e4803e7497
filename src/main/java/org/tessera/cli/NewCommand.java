package org.tessera.cli;

import org.tessera.output.AtomicDirectory;
import org.tessera.pipeline.NewProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Start a project of your own: annotations/ with its dataset.yaml, corpus/ for the texts, and the ontology,",
                "curated queries and annotation schema of a template project (Tessera's own by default) to extend.",
                "The folder is written whole or not at all, and validates as written."},
        footer = {"", "Example:",
                "  ./tessera new ../boko-haram --base https://w3id.org/boko-haram/ --title \"Boko Haram, 2009-2015\"",
                "  ./tessera validate --project ../boko-haram"})
public final class NewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The new project's folder: it must not exist, or be empty.")
    Path folder;

    @Option(names = "--base", required = true, paramLabel = "IRI",
            description = "The namespace of every IRI the project mints, an http(s) IRI ending in / or #, such as https://w3id.org/my-project/.")
    String base;

    @Option(names = "--title", paramLabel = "TEXT", description = "The dataset's title (default: the folder's name).")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the texts are and what the annotations record.")
    String description;

    @Option(names = "--license", paramLabel = "IRI", defaultValue = "https://creativecommons.org/licenses/by/4.0/",
            description = "The data's license (default: ${DEFAULT-VALUE}).")
    String license;

    @Option(names = "--template", paramLabel = "DIR",
            description = "The project whose ontology/, queries/ and annotations/schema/ to copy (default: Tessera's own folder).")
    Path template;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyFolder(target)) {
            err.println(target + " exists and is not an empty folder: give a new one");
            return ExitCodes.USAGE;
        }
        Path tessera = tesseraFolder();
        Path from = template != null ? template.toAbsolutePath().normalize() : tessera;
        for (Path required : NewProject.requiredIn(from)) {
            if (!Files.isDirectory(required)) {
                err.println("No folder " + required + ": give --template, a project whose ontology/ and queries/ to start from");
                return ExitCodes.USAGE;
            }
        }
        NewProject.Dataset dataset = new NewProject.Dataset(title != null ? title : target.getFileName().toString(), description, base, license);
        try {
            AtomicDirectory.replace(target, staging -> NewProject.write(staging, from, dataset));
        } catch (NewProject.InvalidSettings e) {
            e.problems().forEach(err::println);
            err.println("Check --base, --title and --license; nothing written.");
            return ExitCodes.USAGE;
        }
        out.println("Created " + target + ", with the ontology and queries of " + from + ".");
        out.println("Next: put a text in corpus/, annotate it in annotations/sources/ (the format: "
                + tessera.resolve("docs/annotation-format.md") + "), then ./tessera validate --project " + folder);
        out.println("The curated queries' default parameters name the first corpus's actors and places: give yours with --param.");
        return ExitCodes.OK;
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) return false;
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The folder Tessera runs from: the jar is its target/tessera.jar (or, in a build, its classes are target/classes). */
    private static Path tesseraFolder() {
        try {
            Path code = Path.of(NewCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
