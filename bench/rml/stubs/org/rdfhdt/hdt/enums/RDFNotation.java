// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to. Loaded, never used by the benchmark.
package org.rdfhdt.hdt.enums;

public enum RDFNotation {
  NTRIPLES;

  public static RDFNotation parse(String name) {
    throw new UnsupportedOperationException("HDT output is stubbed out in this benchmark");
  }
}
