// Stub for the jitpack.io-only dependency of RMLMapper 6.1.3 (see bench/rml/README.md):
// only the members RMLMapper's bytecode refers to.
package be.ugent.idlab.knows.functions.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The arguments of one function call: the values of each parameter; a collection adds each of its items. */
public class Arguments {
  private final Map<String, List<Object>> values = new LinkedHashMap<>();

  public Arguments() {
  }

  public Arguments add(String name, Object value) {
    List<Object> list = values.computeIfAbsent(name, k -> new ArrayList<>());
    if (value instanceof Collection<?> c) {
      list.addAll(c);
    } else {
      list.add(value);
    }
    return this;
  }

  public Set<String> getArgumentNames() {
    return values.keySet();
  }

  /** The values given for a parameter, empty if none. */
  public List<Object> get(String name) {
    return values.getOrDefault(name, List.of());
  }
}
