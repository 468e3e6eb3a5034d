package seckill.redis;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import seckill.util.Problem.Kind;
import seckill.util.Problem;

/**
 * Where Redis is: parsed from {@code redis://[user:password@]host:port[/db]} or {@code rediss://} (TLS).
 * The password never leaves this record in text form: {@link #toString()} and {@link #masked()} hide it.
 */
public record RedisTarget(String host, int port, String user, String password, int database, boolean tls) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** The form a URL must have, for messages. */
    public static final String FORM = "expected redis://[user:password@]host:port[/db] or rediss://…";
    /** A user and a password in a redis:// or rediss:// URL, in any text (the password up to the last '@'). */
    private static final Pattern USER_AND_PASSWORD = Pattern.compile("(?i)(rediss?://)([^\\s'\":@/]*):[^\\s'\"]*@");
    /** The shorthand redis://password@host. */
    private static final Pattern PASSWORD_ONLY = Pattern.compile("(?i)(rediss?://)[^\\s'\":@/]+@");

    public RedisTarget {
        if (host == null || host.isBlank()) {
            throw bad(Kind.URL_NO_HOST);
        }
        if (port < 1 || port > 65535) {
            throw bad(Kind.URL_PORT, port);
        }
        if (database < 0) {
            throw bad(Kind.URL_NEGATIVE_DATABASE, database);
        }
    }

    public static RedisTarget loopback(int port) {
        return new RedisTarget("127.0.0.1", port, null, null, 0, false);
    }

    /**
     * Parses a URL; the exception's problem (a {@code url.*} kind) and its message never contain the password.
     *
     * @throws RedisUrlException when the URL cannot be used
     */
    public static RedisTarget parse(String url) {
        URI uri = uri(url);
        String authority = uri.getRawAuthority();
        if (authority != null && authority.endsWith(":")) {
            throw bad(Kind.URL_EMPTY_PORT);
        }
        String host = uri.getHost();
        if (host == null) {
            throw bad(Kind.URL_NO_HOST);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                // redis://secret@host is the common shorthand for a password alone
                password = decode(userInfo);
            } else {
                user = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
        }
        return new RedisTarget(host, port, user, password, database(uri.getPath()),
                uri.getScheme().equalsIgnoreCase("rediss"));
    }

    /** The URL as a URI of the redis or rediss scheme, without options. */
    private static URI uri(String url) {
        if (url == null || url.isBlank()) {
            throw bad(Kind.URL_EMPTY);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw bad(Kind.URL_MALFORMED);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("redis") || scheme.equalsIgnoreCase("rediss"))) {
            throw bad(Kind.URL_SCHEME);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            // the text after '?' is not echoed: it may be where someone put a password
            throw bad(Kind.URL_OPTIONS);
        }
        return uri;
    }

    /** The database a URL's path names ({@code /3}); 0 when it names none. */
    private static int database(String path) {
        if (path == null || path.length() <= 1) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw bad(Kind.URL_DATABASE, path.substring(1));
        }
    }

    /** Why the URL cannot be used, or null when it can: what {@link #parse} would refuse it with. */
    public static Problem problemWith(String url) {
        try {
            parseSeeds(url);
            return null;
        } catch (RedisUrlException e) {
            return e.problem();
        }
    }

    private static RedisUrlException bad(Kind kind, Object... fields) {
        return new RedisUrlException(Problem.of(kind, fields));
    }

    /**
     * One URL, or the seeds of a Redis Cluster in one: {@code redis://[user:password@]host1:port1,host2:port2[/db]},
     * every seed with the same scheme, credentials and database. A client needs one node that answers to find the
     * rest; more seeds let it start while one of them is down.
     */
    public static List<RedisTarget> parseSeeds(String urls) {
        if (urls == null || !urls.contains(",")) {
            return List.of(parse(urls));
        }
        String text = urls.trim();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            return List.of(parse(text));
        }
        // the hosts start after the credentials (a password may hold a comma) and end at the database
        int hostsFrom = Math.max(schemeEnd + 3, text.lastIndexOf('@') + 1);
        int slash = text.indexOf('/', hostsFrom);
        int hostsTo = slash < 0 ? text.length() : slash;
        String head = text.substring(0, hostsFrom);
        String tail = text.substring(hostsTo);
        List<RedisTarget> seeds = new ArrayList<>();
        for (String host : text.substring(hostsFrom, hostsTo).split(",", -1)) {
            if (host.isBlank()) {
                throw bad(Kind.URL_EMPTY_SEED);
            }
            seeds.add(parse(head + host.trim() + tail));
        }
        return List.copyOf(seeds);
    }

    /**
     * Percent-decoding as URLs have it (and as redis-cli takes a password): {@code %40} is {@code @}, and a
     * {@code +} is a plus, not a space (that is HTML forms' rule, not URLs'). {@link URI} has already refused a
     * {@code %} not followed by two hex digits.
     */
    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Any text with the password of every redis:// or rediss:// URL in it replaced by {@code ***}, as
     * {@link #masked()} does: for messages that quote what a person typed, whichever option it came with.
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_AND_PASSWORD.matcher(text).replaceAll("$1$2:***@");
        return PASSWORD_ONLY.matcher(masked).replaceAll("$1***@");
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** The URL with the password replaced by {@code ***}: safe for screens, logs and reports. */
    public String masked() {
        StringBuilder sb = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || password != null) {
            if (user != null) {
                sb.append(user);
            }
            if (password != null) {
                sb.append(":***");
            }
            sb.append('@');
        }
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (database != 0) {
            sb.append('/').append(database);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return masked();
    }
}
