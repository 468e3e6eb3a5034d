package seckill.ui.students;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import seckill.ui.common.Fonts;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.Icons;
import seckill.ui.common.PresentationModel;

/**
 * The class list: each student's nickname, their rank once they have won, and a button that removes them (a name
 * the room should not see). A nickname in Chinese shows in a font that has its glyphs whatever the window's language.
 */
final class PlayersList extends VBox {
    /** The most students listed by name; the rest are counted (the winners table names every winner). */
    static final int MAX_ROWS = 60;
    private final StudentsModel model;
    private final I18n i18n;
    private final VBox rows = new VBox(2);
    private final Label none = new Label();
    /** Those beyond the rows shown, counted. */
    private final Label more = new Label();
    /**
     * Each student's row as last made, by name and rank: a class list that changes with every win keeps the rows of
     * those who did not change, and a row holds no binding, so none is left behind.
     */
    private final Map<StudentsModel.Player, HBox> made = new HashMap<>();
    private double em = PresentationModel.BASE_FONT_PX;

    PlayersList(StudentsModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setId("students-players");
        getStyleClass().add("students-players");
        setSpacing(6);
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(i18n.binding("students.players"));
        none.setId("students-none");
        none.getStyleClass().add("students-none");
        none.textProperty().bind(i18n.binding("students.none"));
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(model.players()));
        none.managedProperty().bind(none.visibleProperty());
        more.getStyleClass().add("students-none");
        more.managedProperty().bind(more.visibleProperty());
        getChildren().addAll(title, none, rows, more);
        model.players().addListener((ListChangeListener<StudentsModel.Player>) change -> fill());
        i18n.localeProperty().addListener((obs, was, now) -> remake());
        fill();
    }

    private void fill() {
        made.keySet().retainAll(new HashSet<>(model.players()));
        // a class fits; a crowd (a benchmark's hundreds of phones) is counted beyond the first rows, so that a moment
        // when all of them win costs the window a few rows, not hundreds
        List<HBox> wanted = model.players().stream().limit(MAX_ROWS).map(p -> made.computeIfAbsent(p, this::row))
                .toList();
        int beyond = model.players().size() - wanted.size();
        more.setVisible(beyond > 0);
        more.setText(beyond > 0 ? i18n.get("students.more", Formats.count(beyond)) : "");
        // only the rows that changed are put in: a row taken out and put back is styled all over again
        Set<Node> keep = new HashSet<>(wanted);
        List<Node> shown = rows.getChildren();
        shown.removeIf(row -> !keep.contains(row));
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= shown.size()) {
                shown.addAll(wanted.subList(i, wanted.size()));
                break;
            }
            if (shown.get(i) != wanted.get(i)) {
                shown.remove(wanted.get(i));
                shown.add(i, wanted.get(i));
            }
        }
    }

    /** Every row made anew: the language or the zoom changed. */
    private void remake() {
        made.clear();
        fill();
    }

    private HBox row(StudentsModel.Player player) {
        Label name = new Label(player.name(), icon(Icons.STUDENT));
        name.getStyleClass().add("students-name");
        name.setStyle(Fonts.styleFor(player.name()));
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label rank = new Label();
        rank.getStyleClass().add("students-rank");
        if (player.rank() != null) {
            rank.setText(i18n.get("students.rank", Formats.count(player.rank())));
            rank.setGraphic(icon(Icons.WON));
        }
        rank.setMinWidth(Label.USE_PREF_SIZE);
        Button kick = new Button(null, icon(Icons.KICK));
        kick.getStyleClass().addAll("students-kick", Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        kick.setUserData(player.name());
        Tooltip tip = new Tooltip(i18n.get("students.kick", player.name()));
        kick.setTooltip(tip);
        kick.setAccessibleText(tip.getText());
        kick.setOnAction(e -> model.kick(player.name()));
        HBox row = new HBox(8, name, rank, kick);
        row.getStyleClass().add("students-player");
        if (player.rank() != null) {
            row.getStyleClass().add("students-winner");
        }
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** An icon at the theme's 18 px times the zoom (rows made after a zoom change are not rescaled by the window). */
    private FontIcon icon(String code) {
        FontIcon icon = Icons.of(code);
        String own = icon.getStyle();
        icon.setStyle(own + (own.isBlank() || own.strip().endsWith(";") ? "" : ";") + String.format(Locale.ROOT,
                " -fx-icon-size: %dpx;", Math.round(18 * em / PresentationModel.BASE_FONT_PX)));
        return icon;
    }

    void setEm(double px) {
        em = px;
        remake();
    }

    /** The kick buttons as shown, one per player in order; for the tests. */
    List<Button> kickButtons() {
        return rows.getChildren().stream().map(r -> (Button) ((HBox) r).getChildren().get(2)).toList();
    }
}
