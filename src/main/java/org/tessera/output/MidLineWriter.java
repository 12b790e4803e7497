package org.tessera.output;

import java.io.IOException;
import java.io.Writer;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.io.IndentedWriter;

/**
 * Jena's IndentedWriter, writing text in the middle of a line straight through.
 * <p>
 * IndentedWriter checks every character for a line start (prefix, line number,
 * indent) and for a line break, and its {@code print(String)} does so one character
 * at a time: the largest cost left in writing TriG (bench/HISTORY.md, round seven). In
 * the middle of a line, past the indent, those checks do nothing, so this class
 * writes such characters, and the rest of a string without a line break, at once.
 * Whatever starts a line or breaks one still goes through IndentedWriter.
 * <p>
 * One state of IndentedWriter's is private: the last character it saw, which makes
 * it drop the {@code \n} of {@code \r\n}. After a {@code \r} this class hands the next
 * character to IndentedWriter, so that it sees what follows the {@code \r}.
 */
final class MidLineWriter extends IndentedWriter {
    /** The last character IndentedWriter itself printed was a {@code \r}. */
    private boolean afterCarriageReturn;

    MidLineWriter(Writer out) {
        super(out);
    }

    @Override
    public void print(char ch) {
        if (ch != '\n' && ch != '\r' && midLine()) {
            writeThrough(ch);
            column++;
            return;
        }
        super.print(ch);
        afterCarriageReturn = ch == '\r';
    }

    @Override
    public void print(String str) {
        if (str == null || str.isEmpty() || hasLineBreak(str)) {
            super.print(str);
            if (str != null && !str.isEmpty()) afterCarriageReturn = str.charAt(str.length() - 1) == '\r';
            return;
        }
        if (midLine()) {
            writeThrough(str);
            column += str.length();
        } else {
            print(str.charAt(0)); // starts the line
            writeThrough(str.substring(1));
            column += str.length() - 1;
        }
    }

    @Override
    public void print(char[] chars) {
        super.print(chars);
        if (chars.length > 0) afterCarriageReturn = chars[chars.length - 1] == '\r';
    }

    @Override
    public void print(char ch, int n) {
        super.print(ch, n);
        if (n > 0) afterCarriageReturn = ch == '\r';
    }

    /** Past the line's start and its indent, where IndentedWriter would only write the character. */
    private boolean midLine() {
        return !startingNewLine && column >= currentIndent && !afterCarriageReturn;
    }

    private static boolean hasLineBreak(String str) {
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            if (c == '\n' || c == '\r') return true;
        }
        return false;
    }

    private void writeThrough(char ch) {
        try {
            out.write(ch);
        } catch (IOException e) {
            IO.exception(e);
        }
    }

    /** Whole strings only: Jena 5.6.0's BufferingWriter copies to the end of the string whatever length it is given. */
    private void writeThrough(String str) {
        try {
            out.write(str);
        } catch (IOException e) {
            IO.exception(e);
        }
    }
}
