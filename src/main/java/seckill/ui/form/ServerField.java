package seckill.ui.form;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import seckill.redis.RedisTarget;
import seckill.ui.common.LocalText;
import seckill.util.Problem;

/**
 * The Redis server the form names: a URL, or an embedded server whatever the URL. The URL may carry a password: the
 * field shows the masked form ({@code redis://:***@host:port}) as soon as the URL is taken; the real URL stays in this
 * object's memory only, so it never reaches the screen, a screenshot, the title or a log.
 */
final class ServerField {
    private final StringProperty shown = new SimpleStringProperty(this, "redisUrl", "");
    private final BooleanProperty embedded = new SimpleBooleanProperty(this, "embedded");
    private final ReadOnlyObjectWrapper<LocalText> error = new ReadOnlyObjectWrapper<>(this, "urlError");
    private final ObjectBinding<RedisTarget> target;
    /** The URL as given, password and all; null when the field holds something new. */
    private String secretUrl;
    private String maskedUrl;

    ServerField() {
        // in the window's language, and never with the password
        error.bind(Bindings.createObjectBinding(() -> {
            String url = effectiveUrl();
            Problem p = url == null ? null : RedisTarget.problemWith(url);
            return p == null ? null : LocalText.of("error.problem", p);
        }, shown));
        target = Bindings.createObjectBinding(() -> {
            String url = effectiveUrl();
            return url == null || embedded.get() || error.get() != null ? null : RedisTarget.parseSeeds(url).get(0);
        }, shown, embedded, error);
    }

    /** What the URL field shows: masked once taken. */
    StringProperty shownProperty() {
        return shown;
    }

    ReadOnlyObjectProperty<LocalText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    BooleanProperty embeddedProperty() {
        return embedded;
    }

    /**
     * The server the URL typed names (a cluster's first seed), to check the engine against; null while there is none
     * to check: no URL (the environment's, checked when the sale starts), an embedded server, or a URL in error.
     */
    ObjectBinding<RedisTarget> target() {
        return target;
    }

    /**
     * The URL to connect to, password included, or null for the default chain ($REDIS_URL, local, embedded).
     * Text the person typed since the last {@link #take} counts as given.
     */
    String effectiveUrl() {
        String typed = shown.get() == null ? "" : shown.get().strip();
        if (typed.isEmpty()) {
            return null;
        }
        return typed.equals(maskedUrl) ? secretUrl : typed;
    }

    /** Keeps the URL (and its password) in memory and shows only its masked form. */
    void take(String url) {
        if (url == null || url.isBlank()) {
            secretUrl = null;
            maskedUrl = null;
            shown.set("");
            return;
        }
        try {
            List<RedisTarget> seeds = RedisTarget.parseSeeds(url);
            secretUrl = url.strip();
            // a cluster's seeds share one password: masked wherever it stands
            maskedUrl = seeds.size() == 1 ? seeds.get(0).masked() : RedisTarget.maskAll(secretUrl);
            shown.set(maskedUrl);
        } catch (IllegalArgumentException e) {
            shown.set(url);
        }
    }

    /** Masks what was typed, e.g. when the field loses focus. */
    void maskTyped() {
        String url = effectiveUrl();
        if (url != null && error.get() == null) {
            take(url);
        }
    }
}
