// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to.
package be.ugent.idlab.knows.functions.agent;

import java.util.List;

public final class AgentFactory {
  /** The function RMLMapper 6 evaluates each rr:joinCondition with (child value, parent value). */
  static final String EQUAL = "http://example.com/idlab/function/equal";
  static final String VALUE = "http://users.ugent.be/~bjdmeest/function/grel.ttl#valueParameter";
  static final String VALUE2 = "http://users.ugent.be/~bjdmeest/function/grel.ttl#valueParameter2";

  private AgentFactory() {
  }

  /**
   * An agent that knows one function, idlab-fn:equal, which RMLMapper calls for every
   * (child record, parent record) pair of a join: true when both values are the same string,
   * as IDLabFunctions.equal(String, String) behind the real agent, which also refuses a
   * parameter with several values. Any other FnO function fails loudly: the benchmark's
   * mapping uses none.
   */
  public static Agent createFromFnO(String... fnoDocPaths) {
    return (functionId, arguments) -> {
      if (!EQUAL.equals(functionId)) {
        throw new UnsupportedOperationException("FnO functions are stubbed out in this benchmark: " + functionId);
      }
      Object a = single(arguments.get(VALUE));
      Object b = single(arguments.get(VALUE2));
      return a != null && b != null && a.toString().equals(b.toString());
    };
  }

  private static Object single(List<Object> values) {
    if (values.size() > 1) {
      throw new IllegalArgumentException("Multiple values found for non-collection parameter of " + EQUAL);
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
