package org.tessera.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Refuses request bodies above a size with 413: at once when Content-Length
 * says so, and while reading when the body comes in chunks.
 */
final class RequestSizeLimit implements Filter {
    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > maxBytes) {
            ((HttpServletResponse) response).sendError(413, "Request body over " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(http) {
            private ServletInputStream counted;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (counted == null) counted = new Counted(http.getInputStream(), maxBytes);
                return counted;
            }
        }, response);
    }

    /** Fails the read that goes past the limit. */
    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counted(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        private int count(int n) throws IOException {
            if (n > 0 && (read += n) > max) throw new IOException("Request body over " + max + " bytes");
            return n;
        }

        @Override public int read() throws IOException { int b = in.read(); if (b >= 0) count(1); return b; }
        @Override public int read(byte[] b, int off, int len) throws IOException { return count(in.read(b, off, len)); }
        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
