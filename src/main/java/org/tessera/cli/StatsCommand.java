package org.tessera.cli;

import org.tessera.pipeline.CorpusStats;
import org.tessera.pipeline.StreamingConversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print counts per source and per kind, and the share of events with a place and with a date.",
        footer = {"", "Example:", "  ./tessera stats"})
public final class StatsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions options;

    @Override
    public Integer call() throws IOException {
        // Streams the corpus like validate does, without building the graph: any size fits in memory.
        var project = options.project();
        StreamingConversion.Result checked = new StreamingConversion(project).checkAnnotations();
        if (!checked.valid()) {
            ProblemReport.print(spec.commandLine().getErr(), checked);
            return ExitCodes.INVALID_INPUT;
        }
        CorpusStats stats = new CorpusStats(checked.sourceStats(), checked.actors(), checked.places());
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-28s %7s %7s %7s %9s %8s %10s %7s %8s %8s%n";
        out.printf(format, "source", "events", "actors", "places", "relations", "figures", "statements", "quotes", "w/place", "w/date");
        for (CorpusStats.Row row : stats.rows()) print(out, format, row);
        print(out, format, stats.total());
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, String format, CorpusStats.Row r) {
        out.printf(format, r.source(), r.events(), r.actors(), r.places(), r.relations(), r.figures(), r.statements(),
                r.quotes(), percent(r.eventsWithPlace(), r.events()), percent(r.eventsWithDate(), r.events()));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
    }
}
