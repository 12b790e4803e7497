package org.tessera.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** An action on a value that may fail with an IOException, for the callbacks of parsers and sorters that take none. */
@FunctionalInterface
public interface IoConsumer<T> {
    void accept(T value) throws IOException;

    /** As a Consumer that throws the IOException wrapped in an UncheckedIOException: unwrap it where the callbacks end. */
    static <T> Consumer<T> unchecked(IoConsumer<T> action) {
        return value -> {
            try {
                action.accept(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
