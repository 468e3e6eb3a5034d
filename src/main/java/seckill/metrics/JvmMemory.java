package seckill.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The process's own memory figures, for showing that memory stays flat in the number of users. */
public final class JvmMemory {
    private JvmMemory() {
    }

    /** The sum of the heap pools' peaks since start (an upper bound of the heap's peak), in MiB. */
    public static double peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1024.0 / 1024.0;
    }

    /** The process's peak resident set (VmHWM) in MiB where Linux tells it, else -1. */
    public static double peakRssMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException notLinux) {
            // other systems keep this figure elsewhere; the report says -1
        }
        return -1;
    }

    /** The heap's limit (-Xmx), in MiB. */
    public static double maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0;
    }
}
