package seckill.ui.live;

import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import seckill.ui.common.BesideOrUnder;
import seckill.ui.common.Face;
import seckill.ui.common.Fonts;
import seckill.ui.common.I18n;
import seckill.ui.common.PresentationModel;
import seckill.ui.common.WordWrap;

/**
 * The sale in figures: the tiles (stock left, sold, winners, oversold, attempts, conflicts, p99, time left) and,
 * under them, the audit's verdict with how the sale ended and how fair it was. Built in code: constructor,
 * {@link #createView()}, {@link #initListeners()}; it only binds to the models.
 */
@Face
public final class SaleFiguresView extends VBox {
    /** How the last sale's figures and charts show once they are no longer what is set. */
    public static final double STALE_OPACITY = 0.35;
    private final LiveSaleModel live;
    private final VerdictModel verdict;
    private final I18n i18n;
    private final PresentationModel presentation;
    private final Tile stockLeft;
    private final Tile sold;
    private final Tile winnerCount;
    private final Tile conflicts;
    private final Tile attempts;
    private final Tile p99;
    private final Tile timeLeft;
    private final Tile oversold;
    private BesideOrUnder auditBar;
    private TileGrid tiles;
    private final Label auditText = new Label();
    private final Label endedText = new Label();
    private final Label fairnessText = new Label();
    /** Over the last sale's figures once they are no longer the settings' own. */
    private final Label staleText = new Label();

    public SaleFiguresView(LiveSaleModel live, VerdictModel verdict, I18n i18n, PresentationModel presentation) {
        super(12);
        this.live = live;
        this.verdict = verdict;
        this.i18n = i18n;
        this.presentation = presentation;
        stockLeft = new Tile("tile-stock-left", i18n.binding("tile.stockLeft"));
        sold = new Tile("tile-sold", i18n.binding("tile.sold"));
        winnerCount = new Tile("tile-winners", i18n.binding("tile.winners"));
        conflicts = new Tile("tile-conflicts", i18n.binding("tile.conflicts"));
        attempts = new Tile("tile-attempts", i18n.binding("tile.attempts"));
        p99 = new Tile("tile-p99", i18n.binding("tile.p99"));
        timeLeft = new Tile("tile-time-left", i18n.binding("tile.timeLeft"));
        oversold = new Tile("tile-oversold", i18n.binding("tile.oversold"));
        createView();
        initListeners();
    }

    private void createView() {
        Tile[] all = {stockLeft, sold, winnerCount, oversold, attempts, conflicts, p99, timeLeft};
        tiles = new TileGrid(List.of(all));
        tiles.emProperty().bind(presentation.fontSizeProperty());
        auditText.setId("audit");
        WordWrap.betweenWords(auditText);
        // a verdict is read whole: the bar grows a line rather than cut it off ("…")
        auditText.setMinHeight(Region.USE_PREF_SIZE);
        auditText.getStyleClass().add("audit-text");
        endedText.setId("ended");
        endedText.getStyleClass().add("ended-text");
        WordWrap.betweenWords(endedText);
        fairnessText.setId("fairness");
        fairnessText.getStyleClass().add("ended-text");
        WordWrap.betweenWords(fairnessText);
        fairnessText.setMinHeight(Region.USE_PREF_SIZE);
        fairnessText.visibleProperty().bind(verdict.fairnessProperty().isNotNull());
        fairnessText.managedProperty().bind(fairnessText.visibleProperty());
        VBox endedBox = new VBox(2, endedText, fairnessText);
        endedBox.setAlignment(Pos.CENTER_RIGHT);
        auditBar = new BesideOrUnder(auditText, endedBox, 12);
        auditBar.setId("audit-bar");
        auditBar.getStyleClass().add("audit-bar");
        WordWrap.betweenWords(staleText).setMinHeight(Region.USE_PREF_SIZE);
        staleText.setId("stale-caption");
        staleText.getStyleClass().add("stale-caption");
        staleText.visibleProperty().bind(live.staleProperty().isNotNull());
        staleText.managedProperty().bind(staleText.visibleProperty());
        // the last sale stays readable, but plainly not the one set now
        tiles.opacityProperty().bind(Bindings.when(staleText.visibleProperty()).then(STALE_OPACITY).otherwise(1.0));
        auditBar.opacityProperty().bind(tiles.opacityProperty());
        getChildren().addAll(staleText, tiles, auditBar);
    }

    /** The tiles in one row, short, while something sits above them (a lesson's card, the replay bar). */
    public BooleanProperty compactTilesProperty() {
        return tiles.compactProperty();
    }

    private void initListeners() {
        live.figuresProperty().addListener((obs, was, now) -> showFigures(now));
        live.ratesKnownProperty().addListener((obs, was, known) -> nameClientFigures(known));
        showFigures(live.figuresProperty().get());
        i18n.localeProperty().addListener((obs, was, now) -> showFigures(live.figuresProperty().get())); // "closed"
        auditText.textProperty().bind(i18n.binding(verdict.auditProperty()));
        verdict.auditOkProperty().addListener((obs, was, ok) -> showVerdict(ok));
        showVerdict(verdict.auditOkProperty().get());
        endedText.textProperty().bind(i18n.binding(verdict.endedProperty()));
        staleText.textProperty().bind(i18n.binding(live.staleProperty()));
        fairnessText.textProperty().bind(i18n.binding(verdict.fairnessProperty()));
        fairnessText.textProperty().addListener((obs, was, now) -> fairnessText.setStyle(Fonts.styleFor(now)));
    }

    /** Watching another client's sale, the client's own figures say why they show a dash. */
    private void nameClientFigures(boolean known) {
        String watched = known ? "" : ".watched";
        attempts.caption(i18n.binding("tile.attempts" + watched));
        conflicts.caption(i18n.binding("tile.conflicts" + watched));
        p99.caption(i18n.binding("tile.p99" + watched));
    }

    private void showVerdict(Boolean ok) {
        auditBar.pseudoClassStateChanged(Styles.STATE_SUCCESS, Boolean.TRUE.equals(ok));
        auditBar.pseudoClassStateChanged(Styles.STATE_DANGER, Boolean.FALSE.equals(ok));
        // the verdict's own text starts with ✔ or ✘ (as the command line prints it), and the bar's colour says the
        // rest: an icon beside it would only say it twice
        auditText.setGraphic(null);
    }

    private void showFigures(Figures f) {
        TileTexts t = TileTexts.of(f, i18n.get("tile.closed"), i18n.get("tile.soldOut"));
        stockLeft.show(t.stockLeft());
        sold.show(t.sold());
        winnerCount.show(t.winners());
        oversold.show(t.oversold());
        attempts.show(t.attemptsPerS());
        conflicts.show(t.conflicts());
        p99.show(t.p99());
        timeLeft.show(t.timeLeft());
        oversold.setAlarm(t.alarm());
    }
}
