package seckill.ui.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import atlantafx.base.theme.Styles;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.sale.StrategyKind;
import seckill.sim.ConfigField;
import seckill.sim.EngineKind;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.LocalText;
import seckill.ui.common.WordWrap;

/**
 * The sale's settings and the buttons that act on them. Each number shows its allowed range under it, replaced by
 * what is wrong as soon as what is typed is not allowed: in red, across the form's whole width (the label beside
 * names the field; the status bar names it too).
 */
@Face
public final class FormView extends VBox {
    /** The narrowest an input may be, in em. */
    static final double LEAST_INPUT_EM = 8;
    private final FormActions model;
    private final FormViewModel form;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final TextField url = new TextField();
    private final TextField prefix = new TextField();
    private final ComboBox<StrategyKind> strategy = new ComboBox<>();
    private final ComboBox<EngineKind> engine = new ComboBox<>();
    private final CheckBox join = new CheckBox();
    private final Label formError = new Label();
    final Button connect = new Button();
    final Button start = new Button();
    final Button stop = new Button();
    final Button reset = new Button();
    final Button watch = new Button();
    private final Map<String, Node> inputs = new HashMap<>();
    private final Map<String, Label> hints = new HashMap<>();
    private int row;
    private GridPane buttons;

    public FormView(FormViewModel form, FormActions model, I18n i18n) {
        this.model = model;
        this.form = form;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("form");
        setSpacing(14);
        setPadding(new Insets(16));

        // the labels wrap between words before the inputs get narrower than 8em: a large zoom never cuts either
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        inputs.minWidthProperty().bind(Bindings.createDoubleBinding(() -> LEAST_INPUT_EM * join.getFont().getSize(),
                join.fontProperty()));
        // the inputs ask for no more than that: the labels keep their line while there is room, the inputs grow
        inputs.prefWidthProperty().bind(inputs.minWidthProperty());
        grid.getColumnConstraints().addAll(labels, inputs);
        grid.setHgap(12);
        grid.setVgap(2);

        serverRows();

        Label strategyHint = choiceRow(strategy, "strategy", StrategyKind.values(), StrategyKind::cliName,
                form.strategyProperty(), null);
        strategyHint.styleProperty().bind(Bindings.when(form.strategyProperty().isEqualTo(StrategyKind.NAIVE))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));

        for (FieldViewModel f : form.fields()) {
            String key = f.field().optionName();
            TextField input = new TextField();
            input.setId("field-" + key);
            input.textProperty().bindBidirectional(f.textProperty());
            ObservableValue<LocalText> error = form.errorOf(key);
            Label hint = hint(error, f.rangeHint());
            hint.setId("error-" + key);
            addRow(key, input, hint, error);
            if (f.field() == ConfigField.POOL) {
                // how those threads' buyers are played goes right under their number (the model's order too)
                choiceRow(engine, FormViewModel.ENGINE, EngineKind.values(), EngineKind::cliName,
                        form.engineProperty(), form.errorOf(FormViewModel.ENGINE));
            }
        }

        compareRow();

        join.setId("join");
        join.selectedProperty().bindBidirectional(form.joinProperty());
        join.textProperty().bind(i18n.binding("field.join"));
        join.setWrapText(true);
        grid.add(join, 0, row++, 2, 1);

        formError.setId("form-error");
        formError.getStyleClass().add("form-error");
        formError.setWrapText(true);

        this.buttons = buttonsGrid();
        getChildren().addAll(grid, formError);
    }

    /** Where Redis is, and the prefix of the sale's keys. */
    private void serverRows() {
        url.setId("redis-url");
        url.setSkin(new UrlFieldSkin(url));
        url.setPromptText("redis://127.0.0.1:6379");
        label(connect, "connect", Icons.CONNECT);
        ObservableValue<LocalText> urlError = form.errorOf(FormViewModel.REDIS);
        Label urlHint = hint(urlError, LocalText.of("hint.redis"));
        urlHint.setId("redis-hint");
        addRow(FormViewModel.REDIS, url, urlHint, urlError);
        grid.add(connect, 1, row++);

        prefix.setId("prefix");
        prefix.textProperty().bindBidirectional(form.prefixProperty());
        addRow("prefix", prefix, hint(null, LocalText.of("hint.prefix")), null);
    }

    /** Start, stop, watch and reset, two by two under the form. */
    private GridPane buttonsGrid() {
        label(start, "start", Icons.START);
        label(stop, "stop", Icons.STOP);
        label(reset, "reset", Icons.RESET);
        label(watch, "watch", Icons.WATCH);
        start.getStyleClass().add(Styles.ACCENT);
        stop.getStyleClass().add(Styles.DANGER);
        for (Button b : new Button[] {start, stop, reset, watch}) {
            b.getStyleClass().add(Styles.LARGE);
            b.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane buttons = new GridPane();
        buttons.setHgap(10);
        buttons.setVgap(10);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        buttons.getColumnConstraints().addAll(half, half);
        buttons.add(start, 0, 0);
        buttons.add(stop, 1, 0);
        buttons.add(watch, 0, 1);
        buttons.add(reset, 1, 1);
        return buttons;
    }

    /**
     * A row choosing one of a few named things (a strategy, an engine): id {@code key}, label {@code field.key},
     * the list's lines from {@code key.name}, and under it a hint from {@code key.summary.name}, which is returned;
     * the hint turns into the error while there is one (the choice cannot work with the rest of the form).
     */
    private <T> Label choiceRow(ComboBox<T> box, String key, T[] choices, Function<T, String> name,
                                ObjectProperty<T> value, ObservableValue<LocalText> error) {
        box.setId(key);
        box.getItems().setAll(choices);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(list -> new NamedCell<>(key + ".", name, false));
        box.setButtonCell(new NamedCell<>(key + ".", name, true));
        box.setMaxWidth(Double.MAX_VALUE);
        Label hint = hint(error, () -> LocalText.of(key + ".summary." + name.apply(value.get())), value);
        hint.setId(key + "-hint");
        addRow(key, box, hint, error);
        return hint;
    }

    /**
     * Strategies side by side: a box per strategy (two or more ticked make Start a comparison) and "one after
     * another"; while a comparison is chosen, the strategy above says it is not used.
     */
    private void compareRow() {
        CompareChoice choice = form.compare();
        javafx.scene.layout.FlowPane boxes = new javafx.scene.layout.FlowPane(12, 6);
        boxes.setId("compare-choice");
        for (StrategyKind kind : CompareChoice.ORDER) {
            CheckBox box = new CheckBox(kind.cliName());
            box.setId("compare-" + kind.cliName());
            box.selectedProperty().bindBidirectional(choice.tickedProperty(kind));
            box.setMnemonicParsing(false);
            boxes.getChildren().add(box);
        }
        CheckBox oneAfterAnother = new CheckBox();
        oneAfterAnother.setId("compare-one-at-a-time");
        oneAfterAnother.textProperty().bind(i18n.binding("field.oneAtATime"));
        oneAfterAnother.setWrapText(true);
        oneAfterAnother.selectedProperty().bindBidirectional(choice.oneAtATimeProperty());
        oneAfterAnother.disableProperty().bind(choice.onProperty().not());
        boxes.getChildren().add(oneAfterAnother);
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.when(choice.onProperty()).then(i18n.binding("hint.compareOn"))
                .otherwise(i18n.binding("hint.compare")));
        addRow("compare", boxes, hint, null);
        strategy.disableProperty().bind(choice.onProperty());
    }

    /** Id {@code name}, icon, and the text of {@code action.name} in the window's language. */
    private void label(Button button, String name, String icon) {
        button.setId(name);
        button.setGraphic(Icons.of(icon));
        button.textProperty().bind(i18n.binding("action." + name));
        button.setMnemonicParsing(false);
    }

    /**
     * The row {@code key}: its label ({@code field.key}), its input, and the hint under the input.
     *
     * @param error what is wrong with the row, or null when it cannot be wrong
     */
    private void addRow(String key, Node input, Label hint, ObservableValue<LocalText> error) {
        Label label = WordWrap.betweenWords(new Label());
        label.setMinHeight(USE_PREF_SIZE);
        label.getStyleClass().add("field-label");
        label.textProperty().bind(i18n.binding("field." + key));
        label.setLabelFor(input);
        grid.add(label, 0, row);
        grid.add(input, 1, row++);
        GridPane.setMargin(label, new Insets(10, 0, 0, 0));
        GridPane.setMargin(input, new Insets(10, 0, 0, 0));
        grid.add(hint, 1, row++);
        inputs.put(key, input);
        hints.put(key, hint);
        // a wrong field turns red, and what is wrong takes the form's whole width: a long number stays whole
        if (error != null) {
            error.addListener((obs, was, now) -> showWrong(input, hint, now != null));
            showWrong(input, hint, error.getValue() != null);
        }
    }

    private static void showWrong(Node input, Label hint, boolean wrong) {
        input.pseudoClassStateChanged(Styles.STATE_DANGER, wrong);
        hint.pseudoClassStateChanged(Styles.STATE_DANGER, wrong);
        GridPane.setColumnIndex(hint, wrong ? 0 : 1);
        GridPane.setColumnSpan(hint, wrong ? 2 : 1);
    }

    /** A muted hint that turns into a red message while the field holds something not allowed. */
    private Label hint(ObservableValue<LocalText> error, LocalText fallback) {
        return hint(error, () -> fallback);
    }

    /**
     * The same with a hint that changes with the choice made.
     *
     * @param error    the field's error, or null when it has none of its own
     * @param changing what else the hint follows
     */
    private Label hint(ObservableValue<LocalText> error, Supplier<LocalText> fallback, Observable... changing) {
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        // wrapped, never cut: the grid may not squeeze it below the height of all its lines
        hint.setMinHeight(Region.USE_PREF_SIZE);
        List<Observable> dependencies = new ArrayList<>(List.of(changing));
        dependencies.add(i18n.localeProperty());
        if (error != null) {
            dependencies.add(error);
        }
        hint.textProperty().bind(Bindings.createStringBinding(() -> error != null && error.getValue() != null
                ? i18n.sentence(error.getValue()) : i18n.format(fallback.get()),
                dependencies.toArray(Observable[]::new)));
        return hint;
    }

    private void initListeners() {
        // the password leaves the field as soon as the person moves on: only the masked URL stays on screen
        url.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                form.maskTypedUrl();
            }
        });
        url.textProperty().bindBidirectional(form.redisUrlProperty());
        url.setOnAction(e -> model.connect());
        connect.setOnAction(e -> model.connect());
        start.setOnAction(e -> model.start());
        stop.setOnAction(e -> model.stop());
        reset.setOnAction(e -> model.reset());
        watch.setOnAction(e -> model.watch());

        // on while nothing runs: with a field wrong, Start shows it instead of starting
        start.disableProperty().bind(model.canChangeSaleProperty().not());
        stop.disableProperty().bind(model.canStopProperty().not());
        reset.disableProperty().bind(model.canChangeSaleProperty().not());
        watch.disableProperty().bind(model.canChangeSaleProperty().not());
        connect.disableProperty().bind(model.canChangeSaleProperty().not());
        // the settings of a running sale cannot change under it
        grid.disableProperty().bind(model.canChangeSaleProperty().not());

        formError.textProperty().bind(Bindings.createStringBinding(() -> form.isAllValid() ? ""
                : i18n.get("form.invalid"), form.allValidProperty(), i18n.localeProperty()));
        Tooltip.install(start, tooltip("shortcut.start"));
        Tooltip.install(stop, tooltip("shortcut.stop"));
        Tooltip.install(reset, tooltip("shortcut.reset"));
        Tooltip.install(watch, tooltip("shortcut.watch"));
    }

    /** The input of a row ({@link FormViewModel.Invalid#field()}'s names). */
    public Node input(String field) {
        return inputs.get(field);
    }

    /** The hint under a row's input, or what is wrong with it. */
    public Label hint(String field) {
        return hints.get(field);
    }

    /** Start, Stop, Watch and Reset: kept in sight below the form, however far it is scrolled. */
    public GridPane buttons() {
        return buttons;
    }

    private Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.binding(key));
        return t;
    }

    /**
     * The list says what each choice does ("naive — oversells on purpose"); the closed box shows the name alone,
     * with the summary under it, so nothing is cut off.
     */
    private final class NamedCell<T> extends ListCell<T> {
        private final String keyPrefix;
        private final Function<T, String> name;
        private final boolean shortForm;

        NamedCell(String keyPrefix, Function<T, String> name, boolean shortForm) {
            this.keyPrefix = keyPrefix;
            this.name = name;
            this.shortForm = shortForm;
            i18n.localeProperty().addListener((obs, was, now) -> updateItem(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : shortForm ? name.apply(item) : i18n.get(keyPrefix
                    + name.apply(item)));
        }
    }
}
