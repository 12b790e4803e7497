// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to. Loaded, never used by the benchmark.
package org.rdfhdt.hdt.hdt;

import java.io.IOException;
import org.rdfhdt.hdt.listener.ProgressListener;

public interface HDT extends AutoCloseable {
  void saveToHDT(String fileName, ProgressListener listener) throws IOException;

  @Override
  void close() throws IOException;
}
