package seckill.students;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;

/**
 * The phones' event streams ({@code GET /api/events}): about five times a second, each gets the room's state with
 * its own result ({@link Api#withMe}), as {@code GET /api/state} answers, so that a phone that reconnects needs
 * nothing else. The room's state is made once a tick, on a thread of its own. At most {@value #MAX_STREAMS}
 * streams at once (503 beyond).
 */
final class Events {
    static final int MAX_STREAMS = 2 * Players.MAX;
    static final long TICK_MS = 200;

    private final ClassRoom room;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Object> lastPublic;
    private ScheduledExecutorService ticker;

    /** One phone's stream, and the token it came with (null: the room's state only). */
    private record Stream(SseClient client, String token) {
    }

    Events(ClassRoom room) {
        this.room = room;
    }

    synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seckill-students-events");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        streams.forEach(s -> s.client().close());
        streams.clear();
    }

    /** Refuses a new stream when there are as many as may be (503). */
    void admit(Context ctx) {
        if (streams.size() >= MAX_STREAMS) {
            throw new HttpResponseException(503, "busy");
        }
    }

    void stream(SseClient client) {
        Stream stream = new Stream(client, Api.bearer(client.ctx()));
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        send(stream, lastPublic());
    }

    /** The player of that token was kicked: its streams end. */
    void kicked(String token) {
        for (Stream s : streams) {
            if (token.equals(s.token())) {
                streams.remove(s);
                s.client().close();
            }
        }
    }

    /** The room's state as last made (made now when none was yet). */
    Map<String, Object> lastPublic() {
        Map<String, Object> last = lastPublic;
        if (last == null) {
            last = room.publicState();
            lastPublic = last;
        }
        return last;
    }

    private void tick() {
        try {
            Map<String, Object> state = room.publicState();
            lastPublic = state;
            for (Stream s : streams) {
                send(s, state);
            }
        } catch (RuntimeException e) {
            // the next tick tries again; a phone keeps its last state meanwhile
        }
    }

    private void send(Stream stream, Map<String, Object> state) {
        if (stream.client().terminated()) {
            streams.remove(stream);
            return;
        }
        try {
            String json = Api.JSON.writeValueAsString(Api.withMe(state, room.player(stream.token())));
            stream.client().sendEvent("state", json);
        } catch (IOException | RuntimeException e) {
            streams.remove(stream);
            stream.client().close();
        }
    }
}
