package org.tessera.cli;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * A request to another server that failed (push to a store, a query to an endpoint): what
 * was asked, and what the server answered or why nothing answered. Not a bug of Tessera's,
 * so no stack trace.
 */
final class RemoteFailure {
    private RemoteFailure() {}

    /** Jena's exception of an HTTP request, such as {@code "PUT of GRAPH to URL"}. */
    static String describe(String request, HttpException e) {
        return describe(request, e.getStatusCode(), e.getStatusLine(), e.getResponse(), e);
    }

    /** Jena's exception of a SPARQL query over HTTP, whose message holds the whole query: named by endpoint instead. */
    static String describe(String endpoint, QueryExceptionHTTP e) {
        return describe("query to " + endpoint, e.getStatusCode(), e.getStatusLine(), e.getResponse(), e);
    }

    private static String describe(String request, int status, String statusLine, String response, Throwable e) {
        StringBuilder line = new StringBuilder("The ").append(request).append(" failed: ");
        if (status > 0) {
            line.append("HTTP ").append(status);
            if (statusLine != null && !statusLine.isBlank()) line.append(' ').append(statusLine.replaceFirst("^" + status + "\\s*-?\\s*", ""));
            if (response != null && !response.isBlank()) line.append(": ").append(firstLine(response));
        } else {
            line.append(why(e));
        }
        return line.toString();
    }

    /** Why no answer came: the first cause that says something a user can act on. */
    private static String why(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) return "could not connect (is the server running, and the address right?)";
            if (cause instanceof HttpTimeoutException) return "no answer in time";
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root == e ? "no answer" : root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
    }

    private static String firstLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }
}
