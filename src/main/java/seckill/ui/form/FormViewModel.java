package seckill.ui.form;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * The sale's settings as typed. Every field is checked as it changes, and the rows against each other
 * ({@link RowRules}, from {@link seckill.sim.SettingsRules}); {@link #allValidProperty()} gates Start. The Redis URL's
 * password is kept out of sight by {@link ServerField}.
 */
@Face
public final class FormViewModel {
    /**
     * The server the form names, for a job to connect to.
     *
     * @param url      as given, password and all, or null for the default chain
     * @param embedded an embedded redis-server whatever the URL
     * @param timeout  how long Redis may take to answer
     */
    public record ServerChoice(String url, boolean embedded, Duration timeout) {
    }

    /**
     * A row of the form that holds something not allowed.
     *
     * @param field   the row: {@link #REDIS}, {@link #ENGINE} or a number's option name ({@code stock}, …)
     * @param name    the row's label ("Stock")
     * @param problem what is wrong, without the name ("must be from 1 to 2,000 (got 5,000)"): the form says it under
     *                the label, the status bar after the name
     */
    public record Invalid(String field, LocalText name, LocalText problem) {
    }

    /** The Redis URL's row. */
    public static final String REDIS = "redis";
    /** The engine's row, right under the pool's. */
    public static final String ENGINE = "engine";

    private final FieldViewModel stock = new FieldViewModel(ConfigField.STOCK, false);
    private final FieldViewModel users = new FieldViewModel(ConfigField.USERS, false);
    private final FieldViewModel pool = new FieldViewModel(ConfigField.POOL, false);
    private final FieldViewModel duration = new FieldViewModel(ConfigField.DURATION, false);
    private final FieldViewModel retries = new FieldViewModel(ConfigField.RETRIES, false);
    private final FieldViewModel spreadMs = new FieldViewModel(ConfigField.SPREAD_MS, false);
    private final FieldViewModel pace = new FieldViewModel(ConfigField.PACE, false);
    private final FieldViewModel seed = new FieldViewModel(ConfigField.SEED, true);
    /** How many buyers, sampled from the seed, have their round trips recorded for the timeline (0: none). */
    private final FieldViewModel trace = new FieldViewModel(ConfigField.TRACE, false);
    /** The stock split into this many buckets, each a sale under the prefix's numbered hash tag (1: none). */
    private final FieldViewModel buckets = new FieldViewModel(ConfigField.BUCKETS, false);
    private final List<FieldViewModel> fields = List.of(stock, users, pool, duration, retries, spreadMs, pace, seed,
            trace, buckets);

    private final ObjectProperty<StrategyKind> strategy = new SimpleObjectProperty<>(this, "strategy",
            StrategyKind.WATCH);
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final BooleanProperty join = new SimpleBooleanProperty(this, "join");
    private final ServerField server = new ServerField();
    private final ReadOnlyObjectWrapper<LocalText> engineError = new ReadOnlyObjectWrapper<>(this, "engineError");
    /** A pace beside a spread, or longer than the sale: the fields are each valid, together they are not. */
    private final ReadOnlyObjectWrapper<LocalText> paceError = new ReadOnlyObjectWrapper<>(this, "paceError");
    private final ReadOnlyBooleanWrapper allValid = new ReadOnlyBooleanWrapper(this, "allValid");
    /** What is wrong with each row that can be wrong (null while nothing is), top to bottom as the form is laid out. */
    private final Map<String, ObservableValue<LocalText>> errors = new LinkedHashMap<>();
    private final ObjectBinding<Invalid> firstInvalid;
    private Consumer<Invalid> onReveal = row -> { };
    private long naiveGapMs = ConfigField.NAIVE_GAP_MS.defaultValue();
    /** Naive's gap as the command line gave it, which a lesson without a gap of its own puts back. */
    private long givenNaiveGapMs = naiveGapMs;
    /** {@code --wait-replicas} as given on the command line (the form has no field for it). */
    private final LongProperty waitReplicas = new SimpleLongProperty(this, "waitReplicas",
            ConfigField.WAIT_REPLICAS.defaultValue());
    private int redisTimeoutS = (int) ConfigField.REDIS_TIMEOUT.defaultValue();
    private final CompareChoice compare = new CompareChoice();
    private final ObjectProperty<EngineKind> engine = new SimpleObjectProperty<>(this, "engine", EngineKind.THREADS);

    public FormViewModel() {
        engineError.bind(RowRules.engine(engine, waitReplicas, server.target()));
        paceError.bind(RowRules.pace(pace, spreadMs, duration));
        // buckets beside a prefix without a hash tag, more of them than the stock, or a trace: refused together
        ObservableValue<LocalText> bucketsError = RowRules.buckets(buckets, stock, trace, prefix);
        errors.put(REDIS, server.errorProperty());
        for (FieldViewModel f : fields) {
            // the pace's and the buckets' own numbers first; then whether they go with the rest of the form
            errors.put(f.field().optionName(), f == pace ? RowRules.ownFirst(f, paceError)
                    : f == buckets ? RowRules.ownFirst(f, bucketsError) : f.errorProperty());
            if (f == pool) {
                errors.put(ENGINE, engineError);
            }
        }
        firstInvalid = Bindings.createObjectBinding(() -> errors.entrySet().stream()
                .filter(e -> e.getValue().getValue() != null).findFirst()
                .map(e -> new Invalid(e.getKey(), LocalText.of("field." + e.getKey()), e.getValue().getValue()))
                .orElse(null), errors.values().toArray(Observable[]::new));
        allValid.bind(firstInvalid.isNull());
    }

    public void fill(FormStart o) {
        SimulationConfig s = o.sale();
        SimulationConfig.Builder numbers = s.toBuilder();
        fields.forEach(f -> f.setValue(numbers.get(f.field())));
        seed.textProperty().set(o.seedGiven() ? Long.toString(s.seed()) : "");
        strategy.set(s.strategy());
        prefix.set(s.prefix());
        join.set(s.join());
        naiveGapMs = s.naiveGapMs();
        givenNaiveGapMs = naiveGapMs;
        waitReplicas.set(s.waitReplicas());
        redisTimeoutS = s.redisTimeoutS();
        engine.set(s.engine());
        server.embeddedProperty().set(o.embedded());
        takeUrl(o.redisUrl());
        compare.set(o.compare(), o.oneAtATime());
    }

    /**
     * The settings a recorded sale ran with, named as its report names them ({@code stock}, {@code duration_s},
     * {@code strategy}, …), shown in the form (a replay): the server and prefix stay; a value out of a field's range,
     * or a strategy this lab does not have, leaves the field as it was.
     */
    public void showRecorded(Map<String, Object> settings) {
        for (FieldViewModel f : fields) {
            String key = f.field().optionName().replace('-', '_');
            Object value = settings.containsKey(key) ? settings.get(key) : settings.get(key + "_s");
            if (value instanceof Number n && n.longValue() >= f.field().min() && n.longValue() <= f.field().max()) {
                f.setValue(n.longValue());
            }
        }
        if (settings.get("strategy") instanceof String name) {
            try {
                strategy.set(StrategyKind.fromName(name));
            } catch (IllegalArgumentException e) {
                // recorded by a lab with another strategy: the form keeps its own
            }
        }
    }

    /** The strategies to race side by side, when two or more are ticked. */
    public CompareChoice compare() {
        return compare;
    }

    public List<FieldViewModel> fields() {
        return fields;
    }

    public FieldViewModel stock() {
        return stock;
    }

    public FieldViewModel users() {
        return users;
    }

    public FieldViewModel pool() {
        return pool;
    }

    public FieldViewModel duration() {
        return duration;
    }

    public FieldViewModel retries() {
        return retries;
    }

    public FieldViewModel spreadMs() {
        return spreadMs;
    }

    public FieldViewModel seed() {
        return seed;
    }

    public ObjectProperty<StrategyKind> strategyProperty() {
        return strategy;
    }

    /** How the buyers are played: a thread each (the tutorial's model), or one event loop. */
    public ObjectProperty<EngineKind> engineProperty() {
        return engine;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public BooleanProperty joinProperty() {
        return join;
    }

    /** What the URL field shows: masked once taken. */
    public StringProperty redisUrlProperty() {
        return server.shownProperty();
    }

    public ReadOnlyObjectProperty<LocalText> urlErrorProperty() {
        return server.errorProperty();
    }

    /**
     * Why the engine cannot play this sale: the event loop against a TLS server or beside replicas to wait for; null
     * when it can.
     */
    public ReadOnlyObjectProperty<LocalText> engineErrorProperty() {
        return engineError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty allValidProperty() {
        return allValid.getReadOnlyProperty();
    }

    public boolean isAllValid() {
        return allValid.get();
    }

    /** What is wrong with a row ({@link Invalid#field()}'s names), for under it; null while nothing is. */
    public ObservableValue<LocalText> errorOf(String field) {
        ObservableValue<LocalText> error = errors.get(field);
        if (error == null) {
            throw new IllegalArgumentException("the form has no row " + field);
        }
        return error;
    }

    /** The topmost row that holds something not allowed, or null when Start may start. */
    public ObjectBinding<Invalid> firstInvalidProperty() {
        return firstInvalid;
    }

    public Invalid firstInvalid() {
        return firstInvalid.get();
    }

    /** What brings a row into sight and puts the cursor in it: the view's. */
    public void setOnReveal(Consumer<Invalid> reveal) {
        onReveal = reveal;
    }

    /** Asks the view to bring the row into sight and put the cursor in it. */
    public void reveal(Invalid row) {
        onReveal.accept(row);
    }

    /**
     * Brings the topmost wrong field into sight, once {@code unfold} has shown the form if it was folded away; the
     * status bar already names it. False when every field is fine.
     */
    public boolean revealFirstInvalid(Runnable unfold) {
        Invalid first = firstInvalid();
        if (first == null) {
            return false;
        }
        unfold.run();
        reveal(first);
        return true;
    }

    /**
     * The URL to connect to, password included, or null for the default chain ($REDIS_URL, local, embedded).
     * Text the person typed since the last {@link #takeUrl} counts as given.
     */
    public String effectiveUrl() {
        return server.effectiveUrl();
    }

    /** Keeps the URL (and its password) in memory and shows only its masked form. */
    public void takeUrl(String url) {
        server.take(url);
    }

    /** Masks what was typed, e.g. when the field loses focus. */
    public void maskTypedUrl() {
        server.maskTyped();
    }

    public FieldViewModel pace() {
        return pace;
    }

    /** Buyers traced: their round trips become the timeline (View → Trace). */
    public FieldViewModel trace() {
        return trace;
    }

    public ReadOnlyObjectProperty<LocalText> paceErrorProperty() {
        return paceError.getReadOnlyProperty();
    }

    /** Buckets: the stock split into this many sales, each user buying in one (1: none). */
    public FieldViewModel buckets() {
        return buckets;
    }

    /** The server the form names; read it on the FX thread, hand it to the job. */
    public ServerChoice server() {
        return new ServerChoice(effectiveUrl(), server.embeddedProperty().get(), Duration.ofSeconds(redisTimeoutS));
    }

    /** The settings as the engine takes them; only when {@link #isAllValid()}. */
    public SimulationConfig toConfig() {
        SimulationConfig.Builder sale = SimulationConfig.builder().prefix(prefix.get()).strategy(strategy.get())
                .join(join.get()).naiveGapMs(naiveGapMs).waitReplicas(waitReplicas.get()).redisTimeoutS(redisTimeoutS)
                .engine(engine.get());
        // an empty seed stays unset: a new one each run
        fields.forEach(f -> f.value().ifPresent(v -> sale.set(f.field(), v)));
        return sale.build();
    }

    public String prefix() {
        return prefix.get() == null ? "" : prefix.get();
    }

    /** Naive's pause between reading and writing, as given on the command line (the form has no field for it). */
    public long naiveGapMs() {
        return naiveGapMs;
    }

    /**
     * A lesson's gap between naive's read and write, which has no field of its own; null puts back the one the
     * command line gave.
     */
    public void setLessonNaiveGapMs(Long ms) {
        naiveGapMs = ms == null ? givenNaiveGapMs : ms;
    }
}
