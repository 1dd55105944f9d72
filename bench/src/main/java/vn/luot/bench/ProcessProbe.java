package vn.luot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CPU time and memory of processes from /proc (Linux). */
final class ProcessProbe {
    /** Linux reports CPU time in clock ticks of 1/100 s on every common configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessProbe() {
    }

    /** CPU seconds used so far by the process and its live descendants (a PostgreSQL and its backends). */
    static double cpuSeconds(long pid, boolean withDescendants) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        if (withDescendants) {
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        }
        long ticks = 0;
        for (long p : pids) {
            ticks += ticks(p);
        }
        return ticks / TICKS_PER_SECOND;
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // the process has gone
        }
    }

    /** CPU used by a set of processes over a phase, as a percentage of one core. */
    static final class CpuMeter {
        private final long serverPid;
        private final long postmasterPid;
        private final long startNanos = System.nanoTime();
        private final double server0;
        private final double postgres0;
        private final double self0;

        CpuMeter(long serverPid, long postmasterPid) {
            this.serverPid = serverPid;
            this.postmasterPid = postmasterPid;
            this.server0 = serverPid > 0 ? cpuSeconds(serverPid, false) : 0;
            this.postgres0 = postmasterPid > 0 ? cpuSeconds(postmasterPid, true) : 0;
            this.self0 = cpuSeconds(ProcessHandle.current().pid(), false);
        }

        Report.Cpu stop() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double server = serverPid > 0 ? (cpuSeconds(serverPid, false) - server0) / seconds * 100 : Double.NaN;
            double postgres = postmasterPid > 0 ? (cpuSeconds(postmasterPid, true) - postgres0) / seconds * 100
                    : Double.NaN;
            double self = (cpuSeconds(ProcessHandle.current().pid(), false) - self0) / seconds * 100;
            return new Report.Cpu(server, postgres, self);
        }
    }
}
