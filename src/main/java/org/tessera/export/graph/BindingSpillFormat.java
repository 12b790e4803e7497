package org.tessera.export.graph;

import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * How {@link SortedGroupBy} writes the rows it spills, and reads them back: each term as its
 * kind and strings. Jena's own format for spilled bindings writes them as text a character at
 * a time and parses every IRI again when it reads them back, which took most of the time of an
 * export's grouping; this takes the strings as they are (they came from the database).
 */
final class BindingSpillFormat implements SerializationFactory<Binding> {
    private static final byte END = 0;
    private static final byte IRI = 1;
    private static final byte BLANK = 2;
    private static final byte LITERAL = 3;

    @Override
    public Sink<Binding> createSerializer(OutputStream out) {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        return new Sink<>() {
            @Override
            public void send(Binding binding) {
                try {
                    for (Iterator<Var> vars = binding.vars(); vars.hasNext(); ) {
                        Var var = vars.next();
                        write(data, var.getVarName(), binding.get(var));
                    }
                    data.writeByte(END);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void flush() {
                try {
                    data.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    data.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public Iterator<Binding> createDeserializer(InputStream in) {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        return Pull.iterator(() -> read(data));
    }

    private static void write(DataOutputStream data, String var, Node node) throws IOException {
        if (node.isURI()) {
            data.writeByte(IRI);
            data.writeUTF(var);
            Utf8Fields.write(data, node.getURI());
        } else if (node.isBlank()) {
            data.writeByte(BLANK);
            data.writeUTF(var);
            Utf8Fields.write(data, node.getBlankNodeLabel());
        } else if (node.isLiteral()) {
            data.writeByte(LITERAL);
            data.writeUTF(var);
            Utf8Fields.write(data, node.getLiteralLexicalForm());
            Utf8Fields.write(data, node.getLiteralLanguage());
            TextDirection direction = node.getLiteralBaseDirection();
            Utf8Fields.write(data, direction == null ? "" : direction.direction());
            Utf8Fields.write(data, node.getLiteralDatatypeURI());
        } else {
            throw new IllegalStateException("?" + var + " is bound to " + node + ", which a grouping cannot spill");
        }
    }

    /** The next binding; null at the end of the stream. */
    private static Binding read(DataInputStream data) {
        try {
            byte kind;
            try {
                kind = data.readByte();
            } catch (EOFException end) {
                return null;
            }
            BindingBuilder binding = BindingBuilder.create();
            while (kind != END) {
                Var var = Var.alloc(data.readUTF());
                binding.add(var, switch (kind) {
                    case IRI -> NodeFactory.createURI(Utf8Fields.read(data));
                    case BLANK -> NodeFactory.createBlankNode(Utf8Fields.read(data));
                    case LITERAL -> literal(Utf8Fields.read(data), Utf8Fields.read(data), Utf8Fields.read(data), Utf8Fields.read(data));
                    default -> throw new IllegalStateException("A spilled row is damaged: term kind " + kind);
                });
                kind = data.readByte();
            }
            return binding.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node literal(String lexical, String language, String direction, String datatype) {
        if (!language.isEmpty()) {
            return direction.isEmpty() ? NodeFactory.createLiteralLang(lexical, language)
                    : NodeFactory.createLiteralDirLang(lexical, language, direction);
        }
        return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
    }
}
