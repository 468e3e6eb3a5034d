package seckill.ui.shell;

import java.nio.file.Path;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.LocalText;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.Themes;
import seckill.ui.lessons.Lesson;
import seckill.ui.lessons.LessonViewModel;
import seckill.ui.replay.RecordingDialog;

/**
 * The window's menus and their keys: files out (File), the session's commands (Sale), theme, language, zoom, full
 * screen and the form folded away (View), the list of keys (Help). Items are on exactly when their command is; the
 * theme and language items follow changes made elsewhere (the header's buttons).
 */
final class DashboardMenu extends MenuBar {
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination STOP = new KeyCodeCombination(KeyCode.ESCAPE);
    private static final KeyCombination RESET = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination WATCH = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CONNECT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SCREENSHOT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CSV = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination JSON = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination THEME = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LANGUAGE = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    private static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_RESET = new KeyCodeCombination(KeyCode.DIGIT0,
            KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FULL_SCREEN = new KeyCodeCombination(KeyCode.F11);
    private static final KeyCombination FOLD_FORM = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CODE = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCode[] LESSON_KEYS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
    private static final KeyCombination TRACE = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FEED = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);

    private final I18n i18n;
    private final CheckMenuItem darkItem = new CheckMenuItem();
    private final CheckMenuItem foldItem = new CheckMenuItem();
    private final CheckMenuItem codeItem = new CheckMenuItem();
    private final RadioMenuItem englishItem = new RadioMenuItem("English");
    private final RadioMenuItem chineseItem = new RadioMenuItem("简体中文");

    DashboardMenu(DashboardView view, DashboardViewModel model, I18n i18n, Themes themes, Runnable quit) {
        this.i18n = i18n;
        setId("menu-bar");
        Menu file = fileMenu(view, model, quit);
        MenuItem start = item("action.start", Icons.START, START, model::start);
        // F5 with a field wrong shows that field (Start cannot start): on whenever nothing runs
        start.disableProperty().bind(model.canChangeSaleProperty().not());
        MenuItem stop = item("action.stop", Icons.STOP, STOP, model::stop);
        stop.disableProperty().bind(model.canStopProperty().not());
        MenuItem watch = item("action.watch", Icons.WATCH, WATCH, model::watch);
        // Ctrl+R while a sale runs says why not (a disabled item would take the key without a word)
        MenuItem reset = item("action.reset", Icons.RESET, RESET, () -> {
            if (model.canChangeSaleProperty().get()) {
                model.reset();
            } else {
                model.status().say(LocalText.of("status.resetWhileBusy"));
            }
        });
        MenuItem connect = item("action.connect", Icons.CONNECT, CONNECT, model::connect);
        for (MenuItem m : new MenuItem[] {watch, connect}) {
            m.disableProperty().bind(model.canChangeSaleProperty().not());
        }
        Menu sale = menu("menu.sale", connect, start, stop, watch, reset);

        darkItem.textProperty().bind(i18n.binding("action.dark"));
        darkItem.setAccelerator(THEME);
        darkItem.setSelected(themes.isDark());
        darkItem.setOnAction(e -> themes.setDark(darkItem.isSelected()));
        themes.darkProperty().addListener((obs, was, dark) -> darkItem.setSelected(dark));
        ToggleGroup languages = new ToggleGroup();
        englishItem.setToggleGroup(languages);
        chineseItem.setToggleGroup(languages);
        englishItem.setOnAction(e -> i18n.setLocale(I18n.ENGLISH));
        chineseItem.setOnAction(e -> i18n.setLocale(I18n.CHINESE));
        chineseItem.setStyle(Fonts.cjkStyle());
        showLanguage();
        i18n.localeProperty().addListener((obs, was, now) -> showLanguage());
        MenuItem toggleLanguage = item("action.language", Icons.LANGUAGE, LANGUAGE, i18n::toggle);
        PresentationModel presentation = model.presentation();
        foldItem.textProperty().bind(i18n.binding("action.foldForm"));
        foldItem.setAccelerator(FOLD_FORM);
        foldItem.selectedProperty().bindBidirectional(presentation.formFoldedProperty());
        codeItem.textProperty().bind(i18n.binding("action.code"));
        codeItem.setAccelerator(CODE);
        codeItem.selectedProperty().bindBidirectional(model.code().shownProperty());
        Menu look = menu("menu.view", darkItem, new SeparatorMenuItem(), englishItem, chineseItem, toggleLanguage,
                new SeparatorMenuItem(),
                item("action.zoomIn", Icons.ZOOM_IN, ZOOM_IN, presentation::zoomIn),
                item("action.zoomOut", Icons.ZOOM_OUT, ZOOM_OUT, presentation::zoomOut),
                item("action.zoomReset", null, ZOOM_RESET, presentation::resetZoom),
                item("action.fullScreen", Icons.FULL_SCREEN, FULL_SCREEN, view::toggleFullScreen),
                foldItem, codeItem, presentItem(presentation), new SeparatorMenuItem(),
                item("action.trace", "mdi2t-timeline-text-outline", TRACE, view::showTrace), feedItem(model));
        Menu help = menu("menu.help", item("action.shortcuts", null, HELP, view::showShortcuts));
        getMenus().setAll(file, sale, lessons(model), look, help);
    }

    /** Files out, a recording in, and Quit. */
    private Menu fileMenu(DashboardView view, DashboardViewModel model, Runnable quit) {
        MenuItem jsonItem = item("action.exportJson", Icons.JSON, JSON, view.exports()::askReportJson);
        jsonItem.disableProperty().bind(model.exports().reportReadyProperty().not());
        MenuItem saveRecording = item("action.saveRecording", "mdi2c-content-save-outline", null,
                view.exports()::askRecording);
        saveRecording.disableProperty().bind(model.verdict().resultProperty().isNull());
        MenuItem animation = item("action.exportAnimation", "mdi2f-filmstrip", null, view.animations()::ask);
        animation.setId("menu-animation");
        animation.disableProperty().bind(model.verdict().resultProperty().isNull()
                .and(model.replay().recordingProperty().isNull()));
        MenuItem openRecording = item("action.openRecording", "mdi2f-folder-open-outline", null,
                () -> openRecording(model));
        openRecording.disableProperty().bind(model.canChangeSaleProperty().not());
        return menu("menu.file",
                item("action.screenshot", Icons.SCREENSHOT, SCREENSHOT, view.exports()::askScreenshot),
                item("action.exportStockChart", Icons.CHART, null, () -> view.exports().askChart("stock")),
                item("action.exportRatesChart", Icons.CHART, null, () -> view.exports().askChart("rates")),
                item("action.exportCsv", Icons.CSV, CSV, view.exports()::askWinnersCsv),
                jsonItem,
                new SeparatorMenuItem(),
                openRecording,
                saveRecording,
                animation,
                new SeparatorMenuItem(),
                item("action.quit", null, QUIT, quit));
    }

    /** One item per lesson: its settings into the form, its code and its card on screen. While nothing runs. */
    private Menu lessons(DashboardViewModel model) {
        Menu lessons = menu("menu.lessons");
        for (Lesson lesson : Lesson.values()) {
            MenuItem m = new MenuItem();
            m.setId("lesson-" + lesson.number());
            m.textProperty().bind(i18n.binding(LessonViewModel.title(lesson).key(),
                    LessonViewModel.title(lesson).args().toArray()));
            m.setAccelerator(new KeyCodeCombination(LESSON_KEYS[lesson.number() - 1], KeyCombination.SHORTCUT_DOWN));
            m.setOnAction(e -> model.lessons().choose(lesson));
            m.disableProperty().bind(model.canChangeSaleProperty().not());
            lessons.getItems().add(m);
        }
        return lessons;
    }

    /** File → Open recording…: asks which, then the session reads and replays it (or says why not). */
    private void openRecording(DashboardViewModel model) {
        Path file = RecordingDialog.choose(getScene().getWindow(), i18n);
        if (file != null) {
            model.replays().open(file);
        }
    }

    /** View → Presenter mode (F6): the sale alone, large, with what happened after each sale. */
    private CheckMenuItem presentItem(PresentationModel presentation) {
        CheckMenuItem present = new CheckMenuItem();
        present.setId("menu-present");
        present.textProperty().bind(i18n.binding("action.present"));
        present.setAccelerator(DashboardView.PRESENT);
        present.selectedProperty().bindBidirectional(presentation.presentingProperty());
        return present;
    }

    /** View → What Redis sees: the sampled commands on the window's right, while checked. */
    private CheckMenuItem feedItem(DashboardViewModel model) {
        CheckMenuItem feed = new CheckMenuItem();
        feed.setId("menu-feed");
        feed.textProperty().bind(i18n.binding("action.commands"));
        feed.setAccelerator(FEED);
        feed.selectedProperty().bindBidirectional(model.commands().shownProperty());
        return feed;
    }

    private void showLanguage() {
        englishItem.setSelected(!i18n.isChinese());
        chineseItem.setSelected(i18n.isChinese());
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(i18n.binding(key));
        m.getItems().addAll(items);
        return m;
    }

    private MenuItem item(String key, String icon, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.binding(key));
        if (icon != null) {
            m.setGraphic(Icons.of(icon));
        }
        m.setAccelerator(accelerator);
        m.setOnAction(e -> action.run());
        return m;
    }
}
