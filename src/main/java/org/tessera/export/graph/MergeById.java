package org.tessera.export.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges query rows that come in the order of their ids into elements, one per id: the row of
 * an element query, with the attributes of the extra queries' rows of the same id (dates, source
 * counts) added. An id that no element query gives is skipped; one that two element rows give is
 * an error, as two nodes or edges may not share an id.
 */
final class MergeById<E> {
    /** Makes the element of an id from its row. */
    interface Maker<E> {
        E make(String id, Map<String, Object> row);
    }

    /** A row with the id of the element it belongs to. */
    record Keyed(String id, Map<String, Object> row) {}

    /** The rows of one query, read one ahead. */
    static final class Input implements AutoCloseable {
        private final String query;
        private final boolean element;
        private final Stream<Keyed> rows;
        private final Iterator<Keyed> iterator;
        private String id;
        private Map<String, Object> row;

        /** {@code element}: its rows are elements; else they add attributes to the elements of their ids. */
        Input(String query, boolean element, Stream<Keyed> rows) {
            this.query = query;
            this.element = element;
            this.rows = rows;
            this.iterator = rows.iterator();
            advance();
        }

        private void advance() {
            if (!iterator.hasNext()) {
                row = null;
                return;
            }
            Keyed next = iterator.next();
            String nextId = next.id();
            if (nextId == null) throw new IllegalStateException("Export query " + query + " gave a row without an id: " + next.row());
            if (id != null && nextId.compareTo(id) < 0) {
                throw new IllegalStateException("Export query " + query + " gave " + nextId + " after " + id + ": its rows are not in id order");
            }
            id = nextId;
            row = next.row();
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    private final List<Input> inputs;
    private final String element;
    private final Maker<E> maker;

    /** {@code element} names what the rows make ("node", "edge") in an error. */
    MergeById(List<Input> inputs, String element, Maker<E> maker) {
        this.inputs = List.copyOf(inputs);
        this.element = element;
        this.maker = maker;
    }

    /** The elements in id order; closing the stream closes the inputs. */
    Stream<E> stream() {
        return Pull.stream(this::advance)
                .onClose(() -> inputs.forEach(Input::close));
    }

    /** The next id that an element query gives, as its element; null at the end. */
    private E advance() {
        while (true) {
            String id = smallestId();
            if (id == null) return null;
            List<Map<String, Object>> elementRows = new ArrayList<>(1);
            Map<String, Object> extras = new HashMap<>();
            for (Input input : inputs) {
                while (input.row != null && input.id.equals(id)) {
                    if (input.element) elementRows.add(input.row);
                    else extras.putAll(input.row);
                    input.advance();
                }
            }
            if (elementRows.size() > 1) throw new IllegalStateException("Two " + element + "s have the id " + id);
            if (elementRows.isEmpty()) continue;
            Map<String, Object> row = elementRows.get(0);
            row.putAll(extras);
            return maker.make(id, row);
        }
    }

    private String smallestId() {
        String smallest = null;
        for (Input input : inputs) {
            if (input.row != null && (smallest == null || input.id.compareTo(smallest) < 0)) smallest = input.id;
        }
        return smallest;
    }
}
