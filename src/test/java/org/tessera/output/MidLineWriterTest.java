package org.tessera.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Random;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.riot.system.RiotLib;
import org.junit.jupiter.api.Test;

/** MidLineWriter writes what Jena's IndentedWriter writes, for any mix of text, indents, pads and line breaks. */
class MidLineWriterTest {
    private static final String ALPHABET = "ab \r\n\r\n\t.;:<>\"\u00e9\ud83d\ude00";

    @Test
    void writesWhatIndentedWriterWritesForRandomOperations() {
        Random random = new Random(20261121);
        int carriageReturnsThenLineFeeds = 0;
        for (int run = 0; run < 300; run++) {
            StringWriter jenaText = new StringWriter();
            StringWriter ourText = new StringWriter();
            IndentedWriter jena = RiotLib.create(jenaText);
            IndentedWriter ours = new MidLineWriter(ourText);
            long seed = random.nextLong();
            Random opsForJena = new Random(seed);
            Random opsForOurs = new Random(seed);
            StringBuilder printed = new StringBuilder();
            for (int op = 0; op < 400; op++) {
                String applied = apply(opsForJena, jena, printed);
                apply(opsForOurs, ours, new StringBuilder());
                assertEquals(jena.getRow(), ours.getRow(), "row after " + applied + ", run " + run + " op " + op);
                assertEquals(jena.getCol(), ours.getCol(), "column after " + applied + ", run " + run + " op " + op);
            }
            jena.flush();
            ours.flush();
            assertEquals(jenaText.toString(), ourText.toString(), "run " + run);
            carriageReturnsThenLineFeeds += printed.toString().split("\r\n", -1).length - 1;
        }
        assertTrue(carriageReturnsThenLineFeeds > 100, "\\r\\n printed: " + carriageReturnsThenLineFeeds);
    }

    /** One random operation, the same for both writers given the same random sequence. */
    private static String apply(Random random, IndentedWriter w, StringBuilder printed) {
        int kind = random.nextInt(20);
        switch (kind) {
            case 0 -> w.incIndent(random.nextInt(5));
            case 1 -> { if (w.getAbsoluteIndent() >= 2) w.decIndent(2); }
            case 2 -> w.pad();
            case 3 -> w.pad(random.nextInt(12), random.nextBoolean());
            case 4 -> w.newline();
            case 5 -> w.ensureStartOfLine();
            case 6 -> w.print(ALPHABET.charAt(random.nextInt(ALPHABET.length())), random.nextInt(3));
            case 7 -> { String text = text(random); printed.append(text); w.print(text.toCharArray()); }
            case 8 -> w.setFlatMode(random.nextInt(8) == 0);
            case 9 -> w.setLinePrefix(random.nextInt(4) == 0 ? "# " : null);
            case 10 -> w.setLineNumbers(random.nextInt(6) == 0);
            case 11, 12, 13 -> { char c = ALPHABET.charAt(random.nextInt(ALPHABET.length())); printed.append(c); w.print(c); }
            default -> { String text = text(random); printed.append(text); w.print(text); }
        }
        if (kind < 6 || kind == 8 || kind == 9 || kind == 10) printed.append('|');
        return "operation " + kind;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
        for (int i = 0; i < length; i++) text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'x');
        return text.toString();
    }
}
