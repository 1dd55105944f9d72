package vn.luot.core;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a start's time goes, for the one "ready" line: phases in the order they ran, each timed from the
 * end of the one before (the first from the JVM's own start), plus work that ran beside them (the
 * embedded PostgreSQL starts while the JVM loads the rest). Thread-safe: the database's thread reports too.
 */
final class StartPhases {
    private final List<String> phases = new ArrayList<>();
    private final List<String> beside = new ArrayList<>();
    private final long jvmStartMs;
    private long lastMs;

    private StartPhases(long jvmStartMs) {
        this.jvmStartMs = jvmStartMs;
        this.lastMs = jvmStartMs;
    }

    /** Counting from the JVM's start, so the first phase is the JVM loading itself and Main. */
    static StartPhases sinceJvmStart() {
        return new StartPhases(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** For servers started inside another program (tests): counting from now. */
    static StartPhases sinceNow() {
        return new StartPhases(System.currentTimeMillis());
    }

    /** The phase that ends now. */
    synchronized void finished(String phase) {
        long now = System.currentTimeMillis();
        phases.add(phase + " " + (now - lastMs) + " ms");
        lastMs = now;
    }

    /** Work that ran beside the phases, with how long it took. */
    synchronized void ranBeside(String work, long millis) {
        beside.add(work + " " + millis + " ms");
    }

    synchronized long totalMs() {
        return lastMs - jvmStartMs;
    }

    /** For example "jvm 310 ms, config 40 ms, ...; beside them: database 900 ms". */
    synchronized String summary() {
        String line = String.join(", ", phases);
        return beside.isEmpty() ? line : line + "; beside them: " + String.join(", ", beside);
    }
}
