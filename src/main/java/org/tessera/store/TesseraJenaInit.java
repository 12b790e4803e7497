package org.tessera.store;

import org.apache.jena.sys.JenaSubsystemLifecycle;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Set up when Jena starts, in every JVM with {@code tessera.jar} on its class path (the
 * {@code ./tessera} commands, and a stock Fuseki server given the jar): every TDB2 database
 * opened from then on orders its patterns with {@link KnownSubjectTypesFirst}. Jena finds it
 * through {@code META-INF/services/org.apache.jena.sys.JenaSubsystemLifecycle}.
 */
public final class TesseraJenaInit implements JenaSubsystemLifecycle {
    /** After TDB2's own start (42), which sets the default this replaces. */
    private static final int LEVEL = 500;

    @Override
    public void start() {
        SystemTDB.setDefaultReorderTransform(new KnownSubjectTypesFirst());
    }

    @Override
    public void stop() {}

    @Override
    public int level() {
        return LEVEL;
    }
}
