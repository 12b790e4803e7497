package org.tessera.read;

/**
 * Where a value stands in the annotations: file, 1-based line and column, and
 * the field path within the file (such as {@code events[3].date}).
 */
public record Site(String file, int line, int column, String path) {

    public Site at(String childPath, int childLine, int childColumn) {
        return new Site(file, childLine, childColumn, childPath);
    }

    public static Site ofFile(String file) {
        return new Site(file, 0, 0, "");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line).append(':').append(column);
        return sb.toString();
    }
}
