package org.tessera.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Lets pages on other sites query this server: GET, POST and OPTIONS only,
 * from any origin, never with credentials, so that no cookie or password of a
 * visitor travels with a cross-site request.
 */
final class CorsFilter implements Filter {
    static final String METHODS = "GET, POST, OPTIONS";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (http.getHeader("Origin") != null) {
            out.setHeader("Access-Control-Allow-Origin", "*");
            out.setHeader("Access-Control-Allow-Methods", METHODS);
            out.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Accept-Encoding");
            out.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Location, Location, Vary");
            out.setHeader("Access-Control-Max-Age", "3600");
            if ("OPTIONS".equals(http.getMethod()) && http.getHeader("Access-Control-Request-Method") != null) {
                String wanted = http.getHeader("Access-Control-Request-Method");
                out.setStatus(METHODS.contains(wanted) ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
