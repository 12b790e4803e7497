package org.tessera.export.graph;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** What a supplier gives until it gives null, as an iterator or a stream: the shape of each merge and read-back here. */
final class Pull {
    private Pull() {}

    static <T> Iterator<T> iterator(Supplier<T> next) {
        return new Iterator<>() {
            private T ahead = next.get();

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public T next() {
                if (ahead == null) throw new NoSuchElementException();
                T current = ahead;
                ahead = next.get();
                return current;
            }
        };
    }

    static <T> Stream<T> stream(Supplier<T> next) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(next), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
