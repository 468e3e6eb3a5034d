package seckill.students;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import seckill.sim.HumanBuyers;

/**
 * The phones' API, JSON in and out: {@code POST /api/join {code, name}} (201 or 200 {token, player}; 403 a wrong
 * code, 429 too many wrong codes from an address, 409 a name taken, 422 a bad name, 503 the room full),
 * {@code POST /api/buy} with {@code Authorization: Bearer TOKEN} (401 without a good one, 429 over five taps a
 * second; else {outcome, rank?}), {@code GET /api/state} (the room and sale, and the caller's own result with its
 * token) and {@code GET /api/events} ({@link Events}); the page at {@code /j/CODE} ({@link Page}).
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ClassRoom room;
    private final Events events;
    private final Page page = new Page();

    Api(ClassRoom room, Events events) {
        this.room = room;
        this.events = events;
    }

    void routes(RoutesConfig routes) {
        routes.get("/j/{code}", page::index);
        routes.get("/app.js", page::script);
        routes.get("/app.css", page::style);
        routes.get("/favicon.ico", ctx -> ctx.status(204));
        routes.post("/api/join", this::join);
        routes.post("/api/buy", this::buy);
        routes.get("/api/state", this::state);
        routes.sse("/api/events", events::stream);
    }

    private void join(Context ctx) {
        JsonNode body = body(ctx);
        ClassRoom.Join join = room.join(text(body, "code"), text(body, "name"), text(body, "token"), ctx.ip());
        switch (join.status()) {
            case WRONG_CODE -> error(ctx, 403, "wrong_code");
            case TOO_MANY_TRIES -> error(ctx, 429, "too_many");
            case BAD_NAME -> error(ctx, 422, "bad_name");
            case TAKEN -> error(ctx, 409, "taken");
            case FULL -> error(ctx, 503, "full");
            case JOINED, AGAIN -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("token", join.player().token);
                answer.put("player", player(join.player()));
                json(ctx, join.status() == ClassRoom.JoinStatus.JOINED ? 201 : 200, answer);
            }
            default -> throw new IllegalStateException(join.status().name());
        }
    }

    private void buy(Context ctx) {
        Player player = room.player(bearer(ctx));
        if (player == null) {
            error(ctx, 401, "unauthorized");
            return;
        }
        HumanBuyers.Answer answer = room.tap(player);
        if (answer == null) {
            ctx.header("Retry-After", "1");
            error(ctx, 429, "too_many");
            return;
        }
        json(ctx, 200, answer(answer));
    }

    private void state(Context ctx) {
        json(ctx, 200, withMe(events.lastPublic(), room.player(bearer(ctx))));
    }

    /** The room's state, and the player's own when there is one. */
    static Map<String, Object> withMe(Map<String, Object> state, Player player) {
        Map<String, Object> view = new LinkedHashMap<>(state);
        if (player != null) {
            Map<String, Object> me = new LinkedHashMap<>(player(player));
            HumanBuyers.Answer last = player.last();
            if (last != null) {
                me.putAll(answer(last));
            }
            if (player.won()) {
                me.put("rank", player.rank());
            }
            view.put("me", me);
        }
        return view;
    }

    static Map<String, Object> player(Player p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", p.name);
        view.put("user_id", p.userId);
        return view;
    }

    static Map<String, Object> answer(HumanBuyers.Answer answer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("outcome", answer.tap().name().toLowerCase(Locale.ROOT));
        if (answer.rank() > 0) {
            view.put("rank", answer.rank());
        }
        return view;
    }

    /** The token of {@code Authorization: Bearer TOKEN}, else of {@code ?token=} (an event stream has no header). */
    static String bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return ctx.queryParam("token");
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new HttpResponseException(400, "bad_request");
            }
            return node;
        } catch (IOException e) {
            throw new HttpResponseException(400, "bad_request");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error as JSON: {@code {"error": "wrong_code"}}, never a stack trace. */
    static void error(Context ctx, int status, String reason) {
        json(ctx, status, Map.of("error", reason));
    }
}
