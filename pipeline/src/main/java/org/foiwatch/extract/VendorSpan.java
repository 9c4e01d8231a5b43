package org.foiwatch.extract;

import java.io.Serializable;
import org.foiwatch.normalise.Vendor;

/**
 * A vendor named in text.
 *
 * @param start offset of the first character
 * @param end offset just past the last character (exclusive)
 * @param asWritten the exact substring {@code text[start, end)}
 * @param vendor the catalogue vendor the name resolves to
 */
public record VendorSpan(int start, int end, String asWritten, Vendor vendor)
    implements Serializable {}
