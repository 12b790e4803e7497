package org.tessera.output;

/**
 * The process id in the names of the files and folders a write makes beside its
 * target ({@code .rdf.new-PID-…}, {@code .tessera.ttl.tmp-PID}): a later write deletes
 * those of a process no longer running, which was killed before it could.
 */
final class WriterPids {
    private WriterPids() {}

    static long current() {
        return ProcessHandle.current().pid();
    }

    /**
     * Whether {@code name} is {@code prefix} and the id of a process that is no longer
     * running, then, if {@code suffixed}, a {@code -} and more, else nothing. False for any
     * other name, such as an older version's.
     */
    static boolean leftByDeadProcess(String name, String prefix, boolean suffixed) {
        if (!name.startsWith(prefix)) return false;
        int start = prefix.length();
        int end = start;
        while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9') end++;
        if (end == start || end - start > 18) return false;
        boolean shapeFits = suffixed ? end < name.length() && name.charAt(end) == '-' : end == name.length();
        return shapeFits && ProcessHandle.of(Long.parseLong(name.substring(start, end))).isEmpty();
    }
}
