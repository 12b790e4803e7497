package org.tessera.cli;

import org.tessera.pipeline.Project;
import org.tessera.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The database folder option of the commands that load or read it. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "DIR",
            description = "Database folder, holding generations of the loaded graph (default: .tessera/db in the project).")
    Path db;

    Store store(Project project) {
        return new Store(db != null ? db : project.database());
    }
}
