package seckill.students;

import java.net.InetAddress;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * The class room's embedded HTTP server (Javalin on Jetty), kept for a shared network: bound to one address, never
 * the wildcard unless asked; a request whose {@code Host} is not that address and port is refused (DNS rebinding);
 * bodies over {@value #MAX_BODY} bytes are refused (413); {@code Content-Security-Policy: default-src 'self'} and
 * {@code nosniff} on every answer, no CORS header; errors as JSON without a stack trace; idle connections closed;
 * a bounded pool of threads and of event streams. The routes are {@link Api}'s, the page {@link Page}'s.
 */
final class StudentServer {
    /** The largest body a request may carry. */
    static final int MAX_BODY = 1024;
    /** An idle connection (or event stream that cannot be written) is closed after this long. */
    static final int IDLE_TIMEOUT_MS = 30_000;
    static final int MAX_THREADS = 64;
    static final int ACCEPT_QUEUE = 1024;
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final ClassRoom room;
    private final StudentsAddress asked;
    private final Consumer<String> warnings;
    private final Events events;
    private final Api api;
    private Javalin app;
    private volatile String baseUrl;
    /** The {@code Host} a request must name: the URL's host and port. */
    private volatile String host;

    StudentServer(ClassRoom room, StudentsAddress asked, Consumer<String> warnings) {
        this.room = room;
        this.asked = asked;
        this.warnings = warnings;
        this.events = new Events(room);
        this.api = new Api(room, events);
    }

    Events events() {
        return events;
    }

    String baseUrl() {
        return baseUrl;
    }

    synchronized boolean running() {
        return app != null;
    }

    synchronized void start() {
        InetAddress bind = asked.bindAddress(warnings);
        InetAddress shown = bind.isAnyLocalAddress() ? shownForWildcard() : bind;
        Javalin created = Javalin.create(config -> configure(config, bind));
        try {
            created.start();
        } catch (RuntimeException e) {
            created.stop();
            throw new IllegalArgumentException("--students " + asked + ": cannot listen on "
                    + StudentsAddress.urlHost(bind) + ":" + asked.port() + " (" + rootCause(e) + ")", e);
        }
        host = StudentsAddress.urlHost(shown) + ":" + created.port();
        baseUrl = "http://" + host;
        app = created;
        events.start();
    }

    private static InetAddress shownForWildcard() {
        InetAddress route = StudentsAddress.defaultRoute();
        return route != null ? route : InetAddress.getLoopbackAddress();
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    synchronized void stop() {
        if (app == null) {
            return;
        }
        events.stop();
        app.stop();
        app = null;
    }

    private void configure(JavalinConfig config, InetAddress bind) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(bind.getHostAddress());
            connector.setPort(asked.port());
            connector.setIdleTimeout(IDLE_TIMEOUT_MS);
            // a class taps at once: connections wait in the queue instead of being refused
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
        });
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
        threads.setName("seckill-students");
        threads.setDaemon(true);
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(StudentServer::quiet);
        config.jetty.modifyServer(StudentServer::noStackTraces);
        config.http.maxRequestSize = MAX_BODY;
        config.http.generateEtags = false;
        config.routes.before(this::guard);
        config.routes.before("/api/events", events::admit);
        api.routes(config.routes);
        config.routes.exception(HttpResponseException.class, (e, ctx) -> Api.error(ctx, e.getStatus(),
                reason(e.getStatus())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LoggerFactory.getLogger(StudentServer.class).error("the students' server failed on {} {}",
                    ctx.method(), ctx.path(), e);
            Api.error(ctx, 500, "internal");
        });
        config.routes.error(404, ctx -> Api.error(ctx, 404, "not_found"));
        config.routes.error(405, ctx -> Api.error(ctx, 405, "method_not_allowed"));
    }

    private static void quiet(HttpConfiguration http) {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(8 * 1024);
    }

    private static void noStackTraces(Server server) {
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
    }

    /** Every request: the safe headers, then the Host and the body's size checked. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        String named = ctx.header("Host");
        if (named == null || !named.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
            throw new HttpResponseException(421, "wrong_host");
        }
        if (ctx.contentLength() > MAX_BODY) {
            throw new HttpResponseException(413, "too_large");
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "taken";
            case 413 -> "too_large";
            case 421 -> "wrong_host";
            case 422 -> "bad_name";
            case 429 -> "too_many";
            case 503 -> "busy";
            default -> "error";
        };
    }
}
