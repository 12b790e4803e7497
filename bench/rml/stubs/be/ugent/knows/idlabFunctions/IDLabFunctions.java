// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to. Loaded, never used by the benchmark.
package be.ugent.knows.idlabFunctions;

public final class IDLabFunctions {
  private IDLabFunctions() {
  }

  /** The real one persists the state of stateful IDLab functions; a mapping without functions has none. */
  public static void saveState() {
  }
}
