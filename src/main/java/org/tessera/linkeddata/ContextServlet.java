package org.tessera.linkeddata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Publishes Tessera's JSON-LD context, the one every JSON-LD document of ours names. */
public final class ContextServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/ld+json");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getOutputStream().write(JsonLdWriter.contextBytes());
    }
}
