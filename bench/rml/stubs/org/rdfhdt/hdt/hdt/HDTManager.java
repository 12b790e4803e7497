// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to. Loaded, never used by the benchmark.
package org.rdfhdt.hdt.hdt;

import org.rdfhdt.hdt.enums.RDFNotation;
import org.rdfhdt.hdt.listener.ProgressListener;
import org.rdfhdt.hdt.options.HDTOptions;

public abstract class HDTManager {
  public static HDT generateHDT(String rdfFileName, String baseURI, RDFNotation rdfNotation,
      HDTOptions hdtFormat, ProgressListener listener) {
    throw new UnsupportedOperationException("HDT output is stubbed out in this benchmark");
  }
}
