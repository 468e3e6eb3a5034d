package seckill.students;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the students' server listens: {@code --students [ADDR:]PORT}. ADDR is an IPv4 address, an IPv6 address in
 * brackets or a host name; without it, the machine's address on its default route (the class's network), else
 * 127.0.0.1 with a warning. The wildcard (0.0.0.0, [::]) is used only when asked for. PORT 0 picks a free one.
 *
 * @param host the address asked for, or null for the default route's
 * @param port from 0 to 65535; 0 for a free one
 */
public record StudentsAddress(String host, int port) {
    /** The allowed form, for messages. */
    public static final String FORM = "[ADDR:]PORT, PORT from 0 (a free one) to 65535, ADDR an IPv4 address, "
            + "[IPv6] or host name (default: this machine's address on its default route)";
    private static final Pattern SHAPE = Pattern.compile("(?:(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):)?(\\d{1,5})");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");

    public StudentsAddress {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be from 0 to 65535 (got " + port + "): " + FORM);
        }
    }

    /** Any free port on the default route's address. */
    public static StudentsAddress anyPort() {
        return new StudentsAddress(null, 0);
    }

    /**
     * Reads {@code [ADDR:]PORT}.
     *
     * @throws IllegalArgumentException naming what is wrong and the allowed form
     */
    public static StudentsAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + quoted(t) + "' is not of the form " + FORM);
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65_535) {
            throw new IllegalArgumentException("the port must be from 0 to 65535 (got " + port + "): " + FORM);
        }
        String host = m.group(1);
        if (host != null && host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        } else if (host != null && !HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + quoted(host) + "' is not an address or host name: " + FORM);
        }
        return new StudentsAddress(host, port);
    }

    private static String quoted(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /**
     * The address to bind: the one asked for, resolved; else this machine's address on its default route, else the
     * loopback (then {@code warning} is told why).
     *
     * @throws IllegalArgumentException when the host asked for cannot be resolved
     */
    InetAddress bindAddress(java.util.function.Consumer<String> warning) {
        if (host != null) {
            try {
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--students: unknown host '" + quoted(host) + "': " + FORM, e);
            }
        }
        InetAddress route = defaultRoute();
        if (route != null) {
            return route;
        }
        warning.accept("no network with a default route: the students' server listens on 127.0.0.1 only, "
                + "which phones cannot reach; give --students ADDR:PORT with this machine's address on the class's "
                + "network");
        return InetAddress.getLoopbackAddress();
    }

    /** The address this machine would send from to the internet (no packet is sent), or null when none. */
    static InetAddress defaultRoute() {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 9));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? null : local;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The address as a URL's host: IPv6 in brackets. */
    static String urlHost(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int zone = text.indexOf('%');
            return "[" + (zone < 0 ? text : text.substring(0, zone)) + "]";
        }
        return text;
    }

    @Override
    public String toString() {
        return host == null ? String.valueOf(port)
                : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
