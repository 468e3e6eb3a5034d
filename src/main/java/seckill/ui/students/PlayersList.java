package seckill.ui.students;

import java.util.List;
import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
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
    private final StudentsModel model;
    private final I18n i18n;
    private final VBox rows = new VBox(2);
    private final Label none = new Label();
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
        getChildren().addAll(title, none, rows);
        model.players().addListener((ListChangeListener<StudentsModel.Player>) change -> fill());
        fill();
    }

    private void fill() {
        rows.getChildren().setAll(model.players().stream().map(this::row).toList());
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
            rank.textProperty().bind(i18n.binding("students.rank", Formats.count(player.rank())));
            rank.setGraphic(icon(Icons.WON));
        }
        rank.setMinWidth(Label.USE_PREF_SIZE);
        Button kick = new Button(null, icon(Icons.KICK));
        kick.getStyleClass().addAll("students-kick", Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        kick.setUserData(player.name());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.binding("students.kick", player.name()));
        kick.setTooltip(tip);
        kick.accessibleTextProperty().bind(tip.textProperty());
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
        fill();
    }

    /** The kick buttons as shown, one per player in order; for the tests. */
    List<Button> kickButtons() {
        return rows.getChildren().stream().map(r -> (Button) ((HBox) r).getChildren().get(2)).toList();
    }
}
