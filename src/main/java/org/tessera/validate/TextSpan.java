package org.tessera.validate;

/**
 * Where a quote stands in its source text: {@code start} inclusive and {@code end}
 * exclusive, counted in Unicode code points as Web Annotation's
 * TextPositionSelector requires; {@code exact} is the text there, and
 * {@code prefix} and {@code suffix} the few characters around it.
 */
public record TextSpan(int start, int end, String exact, String prefix, String suffix) {}
