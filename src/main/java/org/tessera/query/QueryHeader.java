package org.tessera.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the comment header of a curated query:
 * <pre>
 * # title: Events near a place
 * # description: Events whose place lies within a distance of a place,
 * #   nearest first.
 * # param: place  IRI of the place
 * # keywords: events, place, map
 * </pre>
 * A line starting with {@code #} and more spaces continues the field above it. A query of the
 * library must have a title and a description; a file a user names on the command line need
 * not, and is titled by its name.
 */
final class QueryHeader {
    private QueryHeader() {}

    static CuratedQuery parse(String name, String text, boolean documented) {
        String title = null;
        StringBuilder description = new StringBuilder();
        List<CuratedQuery.Parameter> parameters = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        String field = null;
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) {
                if (line.isBlank()) continue;
                break;
            }
            String body = line.substring(1);
            if (body.startsWith("  ") && field != null) {
                if (field.equals("description")) description.append(' ').append(body.strip());
                continue;
            }
            int colon = body.indexOf(':');
            if (colon < 0) continue;
            field = body.substring(0, colon).strip();
            String value = body.substring(colon + 1).strip();
            switch (field) {
                case "title" -> title = value;
                case "description" -> description.append(value);
                case "param" -> parameters.add(parameter(name, value));
                case "keywords" -> keywords.addAll(List.of(value.split("\\s*,\\s*")));
                default -> { }
            }
        }
        if (documented && (title == null || title.isEmpty())) throw new IllegalArgumentException(name + ".rq: no '# title:' line in the header");
        if (documented && description.isEmpty()) throw new IllegalArgumentException(name + ".rq: no '# description:' line in the header");
        if (title == null || title.isEmpty()) title = name;
        return new CuratedQuery(name, title, description.toString(), List.copyOf(parameters), List.copyOf(keywords), text);
    }

    private static CuratedQuery.Parameter parameter(String query, String value) {
        String[] parts = value.split("\\s+", 2);
        String parameter = parts[0].startsWith("?") ? parts[0].substring(1) : parts[0];
        if (!parameter.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(query + ".rq: '# param:' must start with a variable name, not '" + parts[0] + "'");
        }
        return new CuratedQuery.Parameter(parameter, parts.length > 1 ? parts[1].strip() : "");
    }
}
