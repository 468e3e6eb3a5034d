package seckill.students;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.javalin.http.Context;

/**
 * The students' one page, served from the jar with no outside resource (a class's network may have no internet):
 * {@code /j/CODE} (its language from {@code Accept-Language}: Chinese or English; the page has a switch too),
 * {@code /app.js} and {@code /app.css}, all under {@code seckill/students/}.
 */
final class Page {
    private static final String DIR = "/seckill/students/";
    private final String index = load("index.html");
    private final byte[] script = load("app.js").getBytes(StandardCharsets.UTF_8);
    private final byte[] style = load("app.css").getBytes(StandardCharsets.UTF_8);

    void index(Context ctx) {
        String lang = chinese(ctx.header("Accept-Language")) ? "zh" : "en";
        ctx.contentType("text/html; charset=utf-8").result(index.replace("{{lang}}", lang));
    }

    void script(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    void style(Context ctx) {
        ctx.contentType("text/css; charset=utf-8").result(style);
    }

    /** True when the first language the phone asks for is Chinese. */
    static boolean chinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        String first = acceptLanguage.split(",")[0].strip().toLowerCase(Locale.ROOT);
        return first.startsWith("zh");
    }

    private static String load(String name) {
        try (InputStream in = Page.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
