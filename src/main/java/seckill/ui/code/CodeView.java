package seckill.ui.code;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.WrappingRow;

/**
 * The code panel: the strategy the form has chosen, as Redis commands, Lua or the tutorial's Python (a choice of
 * three at its top), in a monospace font that grows with the window's zoom; the lines of the step being traced are
 * highlighted. Built in code: constructor, {@link #createView()}, {@link #initListeners()}.
 */
final class CodeView extends VBox {
    static final String ICON = Icons.CODE;
    private static final PseudoClass HIGHLIGHT = PseudoClass.getPseudoClass("highlight");

    private final CodeViewModel model;
    private final I18n i18n;
    private final Label title = new Label();
    private final ToggleGroup sources = new ToggleGroup();
    private final ToggleButton commands = new ToggleButton();
    private final ToggleButton lua = new ToggleButton();
    private final ToggleButton python = new ToggleButton();
    private final VBox lines = new VBox();
    private final ScrollPane scroll = new ScrollPane(lines);

    CodeView(CodeViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        createView();
        initListeners();
    }

    private void createView() {
        setId("code-panel");
        getStyleClass().add("code-panel");
        setSpacing(8);
        title.setId("code-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        source(commands, "code-commands", "code.source.commands", CodeViewModel.Source.COMMANDS, Styles.LEFT_PILL);
        source(lua, "code-lua", "code.source.lua", CodeViewModel.Source.LUA, Styles.CENTER_PILL);
        source(python, "code-python", "code.source.python", CodeViewModel.Source.PYTHON, Styles.RIGHT_PILL);
        HBox choice = new HBox(commands, lua, python);
        choice.setAlignment(Pos.CENTER_LEFT);
        // the title and the choice share a row while it is wide enough, else the choice goes under the title
        WrappingRow header = new WrappingRow(10, 6, title, choice);
        header.setAlignment(Pos.CENTER_LEFT);

        lines.setId("code-lines");
        lines.getStyleClass().add("code-lines");
        scroll.setId("code-scroll");
        scroll.getStyleClass().add("code-scroll");
        // long commands wrap rather than scroll sideways: a class reads them whole
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
    }

    private void source(ToggleButton b, String id, String key, CodeViewModel.Source source, String pill) {
        b.setId(id);
        b.setUserData(source);
        b.setToggleGroup(sources);
        b.getStyleClass().add(pill);
        b.setMnemonicParsing(false);
        b.textProperty().bind(i18n.binding(key));
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("code.title",
                model.strategyProperty().get() == null ? "" : model.strategyProperty().get().cliName()),
                model.strategyProperty(), i18n.localeProperty()));
        selectSource();
        model.sourceProperty().addListener((obs, was, now) -> selectSource());
        sources.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                selectSource(); // a pill clicked again stays chosen
            } else {
                model.sourceProperty().set((CodeViewModel.Source) now.getUserData());
            }
        });
        model.linesProperty().addListener((obs, was, now) -> show(now));
        i18n.localeProperty().addListener((obs, was, now) -> show(model.lines()));
        show(model.lines());
    }

    private void selectSource() {
        for (ToggleButton b : List.of(commands, lua, python)) {
            if (b.getUserData() == model.sourceProperty().get()) {
                sources.selectToggle(b);
            }
        }
    }

    private void show(List<CodeViewModel.Line> all) {
        Label first = null;
        lines.getChildren().clear();
        for (CodeViewModel.Line line : all) {
            String text = line.code() != null ? line.code() : noteText(line);
            Label label = new Label(text.isEmpty() ? " " : text);
            label.getStyleClass().add(line.code() != null ? "code-line" : "code-note");
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.pseudoClassStateChanged(HIGHLIGHT, line.highlighted());
            if (line.code() == null) {
                label.setStyle(Fonts.styleFor(text));
            }
            if (line.highlighted() && first == null) {
                first = label;
            }
            lines.getChildren().add(label);
        }
        if (first != null) {
            Label target = first;
            // once laid out: bring the first highlighted line into sight
            javafx.application.Platform.runLater(() -> scrollTo(target));
        }
    }

    private String noteText(CodeViewModel.Line line) {
        // a note reads as a comment of the language shown
        String mark = model.sourceProperty().get() == CodeViewModel.Source.LUA ? "-- " : "# ";
        String text = i18n.format(line.note());
        return text.lines().map(l -> mark + l).reduce((a, b) -> a + "\n" + b).orElse(mark);
    }

    private void scrollTo(Label line) {
        double content = lines.getHeight() - scroll.getViewportBounds().getHeight();
        if (content > 0 && line.getParent() == lines) {
            scroll.setVvalue(Math.max(0, Math.min(1, line.getBoundsInParent().getMinY() / content)));
        }
    }
}
