package org.tessera.server;

import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.tessera.linkeddata.DatasetAccess;
import org.tessera.store.Generation;
import org.tessera.store.ServedDataset;
import org.tessera.store.Store;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the served dataset on the store's current generation. When a load
 * publishes a new generation, the new one is opened and registered under the
 * same name in one step: requests that started before keep the old dataset to
 * their end, requests after it see the new one only. The old one is closed once
 * its last request has finished.
 */
final class DatasetSwitcher implements DatasetAccess, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetSwitcher.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Store store;
    private final String name;
    private final Consumer<DataService.Builder> services;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tessera-generation-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private DataAccessPointRegistry registry;
    private OperationRegistry operations;
    private ServedDataset served;

    /** @param services adds the endpoints to each new data service */
    DatasetSwitcher(Store store, String name, Consumer<DataService.Builder> services) {
        this.store = store;
        this.name = DataAccessPoint.canonical(name);
        this.services = services;
    }

    /** Opens the current generation; fails when the store has none. */
    synchronized DataService openCurrent() {
        Generation generation = store.current()
                .orElseThrow(() -> new IllegalStateException("No loaded data in " + store.dir() + ": run './tessera load' first"));
        served = ServedDataset.open(generation);
        return newService(served);
    }

    /** Starts watching the store, once the server (and so its registries) exist. */
    void watch(DataAccessPointRegistry registry, OperationRegistry operations) {
        this.registry = registry;
        this.operations = operations;
        scheduler.scheduleWithFixedDelay(this::switchIfNew, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized Generation servedGeneration() {
        return served.generation();
    }

    /**
     * Reads the dataset served now. The read counts as a request of its access
     * point, so a switch does not close the dataset under it.
     */
    @Override
    public <T> T read(Function<DatasetGraph, T> reader) {
        DataAccessPoint accessPoint = registry.get(name);
        accessPoint.startRequest(null);
        try {
            DatasetGraph dataset = accessPoint.getDataService().getDataset();
            return Txn.calculateRead(dataset, () -> reader.apply(dataset));
        } finally {
            accessPoint.finishRequest(null);
        }
    }

    /** Switches to the store's current generation if it is not the one served. */
    synchronized void switchIfNew() {
        try {
            Optional<Generation> current = store.current();
            if (current.isEmpty() || current.get().equals(served.generation())) return;
            ServedDataset next = ServedDataset.open(current.get());
            DataService service;
            try {
                service = newService(next);
                service.setEndpointProcessors(operations);
                service.goActive();
            } catch (RuntimeException e) {
                next.close();
                throw e;
            }
            DataAccessPoint old = registry.get(name);
            ServedDataset previous = served;
            // put, not register: one map write replaces the entry, so no request finds the name missing.
            registry.put(name, new DataAccessPoint(name, service));
            served = next;
            LOG.info("Now serving {}", next.generation().name());
            scheduler.execute(() -> retire(old, previous));
        } catch (RuntimeException e) {
            LOG.warn("Cannot switch to the new generation; still serving {}: {}", served.generation().name(), e.toString());
        }
    }

    private DataService newService(ServedDataset dataset) {
        DataService.Builder builder = DataService.newBuilder(dataset.dataset());
        services.accept(builder);
        return builder.build();
    }

    /** Waits for the old access point's requests to finish, then closes its dataset and prunes the store. */
    private void retire(DataAccessPoint old, ServedDataset previous) {
        try {
            // A request may have looked the old access point up just before the switch.
            Thread.sleep(POLL.toMillis());
            while (old != null && (old.requestCount() > 0 || old.getDataService().activeTxn.get() > 0)) {
                Thread.sleep(50);
            }
            if (old != null) old.getDataService().goOffline();
            previous.close();
            store.prune();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot retire {}: {}", previous.generation().name(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        if (served != null) served.close();
    }
}
