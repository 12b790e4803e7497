package org.tessera.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The most heap in use at once: the heap fills until a collection starts, so the
 * largest sum over the pools of what each held just before a collection is the
 * peak. The sum of each pool's own peak, which the pools reach at different
 * times, overstates it (1,073 MB at a million events in a 1,013 MB heap).
 */
final class HeapPeak {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong afterCollection = new AtomicLong();

    /** Starts listening to every collector of this JVM. */
    static HeapPeak start() {
        HeapPeak heapPeak = new HeapPeak();
        // The notification has every pool, metaspace and code cache too.
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                heapPeak.peak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
                if (info.getGcAction().equals("end of major GC")) {
                    heapPeak.afterCollection.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
                }
            }, null, null);
        }
        return heapPeak;
    }

    /**
     * The most heap still in use just after a full collection, 0 if none ran: what the run
     * held then, live, with the young objects that survived. A young collection leaves the
     * garbage already promoted in the old generation, so only a full one tells. The peak
     * before collections says how full the heap got; this, how much of it the run needed.
     */
    long bytesAfterCollection() {
        return afterCollection.get();
    }

    private static long heapUsed(java.util.Map<String, java.lang.management.MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    /** The peak so far, counting the heap in use now (the run may end between collections). */
    long bytes() {
        return Math.max(peak.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
}
