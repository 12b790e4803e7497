package org.tessera.validate;

import org.tessera.support.Sha256;
import org.tessera.model.Annotations;
import org.tessera.model.DatasetInfo;
import org.tessera.model.Event;
import org.tessera.model.Figure;
import org.tessera.model.Quote;
import org.tessera.model.Relation;
import org.tessera.model.SourceAccount;
import org.tessera.model.Statement;
import org.tessera.read.Problems;
import org.tessera.read.Site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks what the reader could not check file by file: the dataset description,
 * references between files, and every quote against the corpus text of its
 * source, whose SHA-256 must match the annotation.
 */
public final class Validator {
    private final Path corpusDir;
    private final Path displayBase;

    public Validator(Path corpusDir, Path displayBase) {
        this.corpusDir = corpusDir;
        this.displayBase = displayBase;
    }

    public Evidence validate(Annotations annotations, Problems problems) {
        requireDataset(annotations.dataset(), problems);
        ReferenceChecker references = new ReferenceChecker(problems);
        references.addActors(annotations.actors());
        references.addPlaces(annotations.places());
        annotations.sources().forEach(references::addSource);
        references.checkPlaces();
        annotations.sources().forEach(references::checkAccount);
        Evidence evidence = new Evidence();
        for (SourceAccount account : annotations.sources()) checkQuotes(account, evidence, problems);
        return evidence;
    }

    public static void requireDataset(DatasetInfo dataset, Problems problems) {
        if (dataset == null) problems.add(Site.ofFile("annotations"), "no file describes the dataset (a top-level 'dataset' key)");
    }

    /** Locates every quote of one source's account in its corpus text, after checking the text's SHA-256. */
    public void checkQuotes(SourceAccount account, Evidence evidence, Problems problems) {
        var source = account.source();
        Path file = corpusDir.resolve(source.corpusFile());
        String shown = displayBase.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(source.corpusFileSite(), "corpus file " + shown + " cannot be read");
            return;
        }
        String actual = Sha256.of(bytes);
        if (!actual.equals(source.sha256())) {
            problems.add(source.sha256Site(), "does not match " + shown + ", whose SHA-256 is " + actual);
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(source.corpusFileSite(), "corpus file " + shown + " is not valid UTF-8");
            return;
        }
        QuoteLocator locator = new QuoteLocator(text);
        for (Event e : account.events()) locateAll(e.evidence(), locator, shown, evidence, problems);
        for (Relation r : account.relations()) locateAll(r.evidence(), locator, shown, evidence, problems);
        for (Figure f : account.figures()) locateAll(f.evidence(), locator, shown, evidence, problems);
        for (Statement s : account.statements()) {
            locateAll(List.of(s.words()), locator, shown, evidence, problems);
            locateAll(s.evidence(), locator, shown, evidence, problems);
        }
    }

    private static void locateAll(List<Quote> quotes, QuoteLocator locator, String shown, Evidence evidence, Problems problems) {
        for (Quote quote : quotes) {
            String brief = quote.text().length() > 80 ? quote.text().substring(0, 77) + "..." : quote.text();
            QuoteLocator.Result result = locator.locate(quote.text(), quote.occurrence(), quote.prefix());
            if (result instanceof QuoteLocator.Result.Found found) {
                evidence.put(quote, found.span());
            } else if (result instanceof QuoteLocator.Result.Ambiguous a) {
                problems.add(quote.site(), "quote stands " + a.count() + " times in " + shown
                        + ": add 'occurrence' or 'prefix' to choose one: \"" + brief + "\"");
            } else if (result instanceof QuoteLocator.Result.NoSuchOccurrence o) {
                problems.add(quote.site(), "occurrence " + quote.occurrence()
                        + " asked, but the quote stands only " + o.count() + " times in " + shown);
            } else {
                problems.add(quote.site(), "quote not found in " + shown
                        + (quote.prefix() == null ? "" : " after the given prefix") + ": \"" + brief + "\"");
            }
        }
    }

}
