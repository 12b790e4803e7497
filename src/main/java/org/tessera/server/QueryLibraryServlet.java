package org.tessera.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tessera.query.CuratedQuery;
import org.tessera.query.QueryLibrary;

import java.io.IOException;

/**
 * Serves the curated queries as JSON for the query page: each query's name,
 * title, description, parameters, keywords and text, and the endpoint to send them to.
 */
final class QueryLibraryServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final transient QueryLibrary library;
    private final String endpointPath;

    QueryLibraryServlet(QueryLibrary library, String endpointPath) {
        this.library = library;
        this.endpointPath = endpointPath;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("endpoint", endpointPath);
        ArrayNode list = root.putArray("queries");
        for (CuratedQuery query : library.all()) {
            ObjectNode item = list.addObject();
            item.put("name", query.name());
            item.put("title", query.title());
            item.put("description", query.description());
            ArrayNode parameters = item.putArray("parameters");
            query.parameters().forEach(p -> parameters.addObject().put("name", p.name()).put("description", p.description()));
            ArrayNode keywords = item.putArray("keywords");
            query.keywords().forEach(keywords::add);
            item.put("text", query.text());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        JSON.writeValue(response.getOutputStream(), root);
    }
}
