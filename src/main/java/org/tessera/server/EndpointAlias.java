package org.tessera.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * Answers {@code /sparql}, the endpoint the VoID description names under the
 * base, as the dataset's own query endpoint: the request goes on to Fuseki's
 * dispatch with its path rewritten.
 */
final class EndpointAlias implements Filter {
    private final String target;

    EndpointAlias(String target) {
        this.target = target;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override public String getRequestURI() { return http.getContextPath() + target; }
            @Override public String getServletPath() { return target; }
            @Override public String getPathInfo() { return null; }
            @Override public StringBuffer getRequestURL() {
                String url = http.getRequestURL().toString();
                return new StringBuffer(url.substring(0, url.length() - http.getRequestURI().length()) + getRequestURI());
            }
        }, response);
    }
}
