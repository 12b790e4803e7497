package org.tessera.cli;

import org.tessera.pipeline.Project;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;

/** Options every command that reads a project shares. */
public final class ProjectOptions {
    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project folder holding annotations/, corpus/ and ontology/ (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--ontology", paramLabel = "DIR",
            description = "Folder of the ontology, vocabularies and shapes (default: ontology/ of the project).")
    Path ontology;

    Project project() {
        Path base = root.toAbsolutePath().normalize();
        Project project = new Project(base, ontology != null ? ontology.toAbsolutePath().normalize() : base.resolve("ontology"));
        for (Path required : new Path[] {project.annotations(), project.ontology()}) {
            if (!java.nio.file.Files.isDirectory(required)) {
                throw new ParameterException(spec.commandLine(), "No folder " + required + ": is --project the project folder?");
            }
        }
        return project;
    }

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;
}
