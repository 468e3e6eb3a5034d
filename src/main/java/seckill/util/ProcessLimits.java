package seckill.util;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This process's limits, as the JVM tells them: open files ({@code ulimit -n}) and memory ({@code -Xmx},
 * {@code -XX:MaxDirectMemorySize}). A sale checks its settings against them before it starts, and names the one it
 * reaches when it reaches one.
 */
public final class ProcessLimits {
    /** Unknown: the system does not tell. */
    public static final long UNKNOWN = -1;

    private ProcessLimits() {
    }

    /** The most files (sockets included) this process may have open: {@code ulimit -n}; {@link #UNKNOWN} if unsaid. */
    public static long maxOpenFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount()
                : UNKNOWN;
    }

    /** The files (sockets included) this process has open now; {@link #UNKNOWN} if unsaid. */
    public static long openFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount()
                : UNKNOWN;
    }

    /** The heap's limit ({@code -Xmx}), in bytes. */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * The limit of direct (off-heap) buffers, in bytes: {@code -XX:MaxDirectMemorySize} when given, else the heap's
     * limit, as the JVM takes it.
     */
    public static long maxDirectBytes() {
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:MaxDirectMemorySize=")) {
                long given = bytes(argument.substring("-XX:MaxDirectMemorySize=".length()));
                if (given > 0) {
                    return given;
                }
            }
        }
        return maxHeapBytes();
    }

    /** A JVM size ({@code 64m}, {@code 1g}, {@code 1048576}) in bytes; 0 when it is not one. */
    static long bytes(String size) {
        String s = size.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (!s.isEmpty() && "kmgt".indexOf(s.charAt(s.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmgt".indexOf(s.charAt(s.length() - 1)) + 1));
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Long.parseLong(s) * unit;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** True when the error, or one of its causes, is the system refusing a file: the open files limit reached. */
    public static boolean isOutOfFiles(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Too many open files")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s.getMessage() != null && s.getMessage().contains("Too many open files")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Bytes as whole MiB, rounded up, for a message. */
    public static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
