package seckill.students;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A phone speaking the class room's API over real HTTP, as the page does. */
public final class Phone {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status, its body and its headers. */
    public record Answer(int status, JsonNode body, String text, HttpResponse<String> response) {
        public String field(String name) {
            JsonNode v = body == null ? null : body.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private String token;

    Phone(ClassRoom room) {
        this(room.url());
    }

    /** A phone that opened that join URL ({@code http://ADDR:PORT/j/CODE}). */
    public Phone(String url) {
        this.base = url.substring(0, url.indexOf("/j/"));
    }

    String base() {
        return base;
    }

    public String token() {
        return token;
    }

    public Answer join(String code, String name) {
        Answer a = post("/api/join", Map.of("code", code, "name", name), null);
        if (a.status() == 201 || a.status() == 200) {
            token = a.field("token");
        }
        return a;
    }

    public Answer buy() {
        return post("/api/buy", null, token);
    }

    public Answer state() {
        return send(request("/api/state", token).GET().build());
    }

    Answer post(String path, Object body, String bearer) {
        try {
            String text = body == null ? "" : JSON.writeValueAsString(body);
            return send(request(path, bearer).POST(HttpRequest.BodyPublishers.ofString(text))
                    .header("Content-Type", "application/json").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                body = JSON.readTree(r.body());
            }
            return new Answer(r.statusCode(), body, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Taps until the answer is final (won, already won, sold out, closed); returns it. */
    String buyUntilDone() {
        int tries = 0;
        while (true) {
            Answer a = buy();
            if (a.status() == 429) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                continue;
            }
            if (a.status() != 200) {
                throw new IllegalStateException("tap answered " + a.status() + " " + a.text());
            }
            String outcome = a.field("outcome");
            if (!outcome.equals("conflict") && !outcome.equals("not_open") && !outcome.equals("error")) {
                return outcome;
            }
            tries++;
            if (tries > 300) {
                throw new IllegalStateException("still " + outcome + " after " + tries + " taps: " + a.text());
            }
        }
    }
}
