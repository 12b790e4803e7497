package org.tessera.model;

import org.tessera.read.Site;

import java.math.BigDecimal;
import java.util.List;

/** A named place, declared once; {@code lat} and {@code lon} are both null or both set. */
public record Place(Site site, String id, String name, String kind, Ref parent, List<String> aliases,
                    BigDecimal lat, BigDecimal lon, String wikidata, String description) {

    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
