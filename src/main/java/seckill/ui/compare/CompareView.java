package seckill.ui.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import seckill.sim.Comparison;
import seckill.ui.common.ChartHistory;
import seckill.ui.common.ChartLook;
import seckill.ui.common.Face;
import seckill.ui.common.Fonts;
import seckill.ui.common.Formats;
import seckill.ui.common.I18n;
import seckill.ui.common.SideOrStack;
import seckill.ui.common.ThrottledRedraw;

/**
 * Strategies side by side: a column of figures per strategy (stock left, sold, oversold, conflicts, unsold stock,
 * time to sell out, fairness, the audit) and one chart of every strategy's sold-over-time. It binds to a
 * {@link CompareViewModel} and only draws.
 */
@Face
public final class CompareView extends VBox {
    private static final Color[] LANE_COLOURS = {new Color(0xcf222e), new Color(0x1f6feb), new Color(0x1a7f37),
        new Color(0x8250df)};
    private static final List<String> ROWS = List.of("compare.stockLeft", "compare.sold", "compare.oversold",
            "compare.conflicts", "compare.unsold", "compare.soldOutIn", "compare.fairness", "compare.audit");

    private final CompareViewModel model;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label modeNote = new Label();
    private final GridPane grid = new GridPane();
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final List<Long> generations = new ArrayList<>();
    private double scale = 1;
    private boolean dark;
    private final ThrottledRedraw redraw = new ThrottledRedraw(this::syncNow);

    public CompareView(CompareViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.chart = ChartFactory.createXYLineChart("", "", "", data, PlotOrientation.VERTICAL, true, false, false);
        this.viewer = new ChartViewer(chart);
        createView();
        initListeners();
    }

    private void createView() {
        setId("compare");
        getStyleClass().add("compare");
        setSpacing(10);
        title.getStyleClass().add("compare-title");
        modeNote.setId("compare-mode");
        modeNote.getStyleClass().add("compare-mode");
        modeNote.setWrapText(true);
        modeNote.setMinHeight(USE_PREF_SIZE);
        grid.setId("compare-grid");
        grid.getStyleClass().add("compare-grid");
        grid.setHgap(18);
        grid.setVgap(6);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < LANE_COLOURS.length; s++) {
            renderer.setSeriesPaint(s, LANE_COLOURS[s]);
            renderer.setSeriesStroke(s, new BasicStroke(3f));
        }
        chart.getXYPlot().setRenderer(renderer);
        ChartLook.axes(chart);
        viewer.setId("compare-chart");
        viewer.setMinSize(160, 120);
        // the chart beside the columns when there is room for it there, else under them
        SideOrStack body = new SideOrStack(grid, viewer, 24, true, (w, h) -> w - grid.prefWidth(-1) >= 340);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, modeNote, body);
        relabel();
        applyTheme(false);
    }

    private void initListeners() {
        model.columns().addListener((ListChangeListener<CompareViewModel.Column>) c -> rebuildGrid());
        model.modeProperty().addListener((obs, was, now) -> relabel());
        model.chartsVersionProperty().addListener((obs, was, now) -> redraw.markDirty());
        viewer.widthProperty().addListener((obs, was, now) -> fitTitles());
        viewer.heightProperty().addListener((obs, was, now) -> fitTitles());
        i18n.localeProperty().addListener((obs, was, now) -> {
            relabel();
            rebuildGrid();
        });
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                redraw.start();
            } else {
                redraw.stop();
            }
        });
    }

    private void relabel() {
        title.setText(i18n.get("compare.title"));
        Comparison.Mode mode = model.modeProperty().get();
        modeNote.setText(mode == null ? "" : i18n.get(mode == Comparison.Mode.AT_ONCE ? "compare.mode.atOnce"
                : "compare.mode.oneAtATime"));
        chart.setTitle(i18n.get("compare.chart"));
        ChartLook.type(chart, ChartLook.family(i18n), scale, false);
        ChartLook.secondsTicks(chart, i18n.get("chart.unitSeconds"));
        fitTitles();
        chart.fireChartChanged();
    }

    private void fitTitles() {
        ChartLook.titles(chart, i18n.get("chart.seconds"), i18n.get("chart.items"), i18n.isChinese(),
                viewer.getWidth(), viewer.getHeight(), scale);
    }

    /** Text this much larger than at 100 % (the window's zoom). */
    public void setScale(double newScale) {
        scale = newScale;
        relabel();
    }

    public void applyTheme(boolean isDark) {
        dark = isDark;
        ChartLook.theme(chart, dark);
    }

    private void rebuildGrid() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        List<CompareViewModel.Column> columns = model.columns();
        ColumnConstraints head = new ColumnConstraints();
        head.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().add(head);
        for (int c = 0; c < columns.size(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            cc.setHgrow(Priority.SOMETIMES);
            grid.getColumnConstraints().add(cc);
            Label name = new Label(columns.get(c).strategy().cliName());
            name.setId("compare-head-" + columns.get(c).strategy().cliName());
            name.getStyleClass().add("compare-head");
            name.setStyle(String.format("-fx-text-fill: #%06x;", LANE_COLOURS[c % LANE_COLOURS.length].getRGB()
                    & 0xffffff));
            grid.add(name, c + 1, 0);
        }
        for (int r = 0; r < ROWS.size(); r++) {
            Label row = new Label(i18n.get(ROWS.get(r)));
            row.getStyleClass().add("compare-row");
            row.setMinWidth(USE_PREF_SIZE);
            row.setStyle(Fonts.styleFor(row.getText())); // "库存遗留" in an English window too
            grid.add(row, 0, r + 1);
            for (int c = 0; c < columns.size(); c++) {
                CompareViewModel.Column col = columns.get(c);
                Label cell = new Label(CELLS.get(r).apply(new Cell(col, i18n)));
                cell.setId("compare-" + col.strategy().cliName() + "-" + ROWS.get(r).substring("compare.".length()));
                cell.getStyleClass().add("compare-cell");
                cell.setAlignment(Pos.CENTER_RIGHT);
                cell.setMinWidth(USE_PREF_SIZE);
                if (r == 2 && col.oversold() > 0 || r == 7 && col.audit() == CompareViewModel.Audit.VIOLATION) {
                    cell.getStyleClass().add("compare-bad");
                } else if (r == 7 && col.audit() == CompareViewModel.Audit.EXPECTED_VIOLATION) {
                    cell.getStyleClass().add("compare-lesson");
                } else if (r == 7 && col.audit() == CompareViewModel.Audit.HOLDS) {
                    cell.getStyleClass().add("compare-good");
                } else if (r == 4 && col.unsold() > 0) {
                    cell.getStyleClass().add("compare-warn");
                }
                grid.add(cell, c + 1, r + 1);
            }
        }
        syncSeries();
    }

    private record Cell(CompareViewModel.Column col, I18n i18n) {
    }

    private static final String DASH = "—";
    private static final List<Function<Cell, String>> CELLS = List.of(
        c -> c.col.exists() ? Formats.count(c.col.stockLeft()) : DASH,
        c -> c.col.exists() ? Formats.count(c.col.sold()) + " / " + Formats.count(c.col.total()) : DASH,
        c -> c.col.exists() ? Formats.count(c.col.oversold()) : DASH,
        c -> c.col.conflicts() < 0 ? DASH : Formats.count(c.col.conflicts()),
        c -> c.col.unsold() < 0 ? DASH : Formats.count(c.col.unsold()),
        // stock gone, but the winner that emptied it not read yet: a dash until Redis tells when
        c -> c.col.soldOutMs() >= 0 ? Formats.millis(c.col.soldOutMs())
                : c.col.ended() && c.col.stockLeft() > 0 ? c.i18n.get("compare.notSoldOut") : DASH,
        c -> Double.isNaN(c.col.fairness()) ? DASH : String.format(java.util.Locale.ROOT, "%.2f", c.col.fairness()),
        c -> switch (c.col.audit()) {
            case PENDING -> DASH;
            case HOLDS -> c.i18n.get("compare.audit.holds");
            case EXPECTED_VIOLATION -> c.i18n.get("compare.audit.lesson", Formats.count(c.col.oversold()));
            case VIOLATION -> c.i18n.get("compare.audit.violation");
            case NOT_AUDITED -> c.i18n.get("compare.audit.notAudited");
        });

    /** The chart's series follow the lanes: one per strategy, named by it. */
    private void syncSeries() {
        List<CompareViewModel.Column> columns = model.columns();
        boolean same = data.getSeriesCount() == columns.size();
        for (int i = 0; same && i < columns.size(); i++) {
            same = data.getSeriesKey(i).equals(columns.get(i).strategy().cliName());
        }
        if (!same) {
            data.removeAllSeries();
            generations.clear();
            for (CompareViewModel.Column c : columns) {
                data.addSeries(new XYSeries(c.strategy().cliName(), false, true));
                generations.add(-1L);
            }
            redraw.markDirty();
        }
    }

    /** Copies every lane's points now (e.g. before a screenshot). */
    public void syncNow() {
        syncSeries();
        chart.setNotify(false);
        try {
            for (int lane = 0; lane < Math.min(model.lanes(), data.getSeriesCount()); lane++) {
                ChartHistory h = model.soldHistory(lane);
                XYSeries series = data.getSeries(lane);
                boolean restart = generations.get(lane) != h.generation();
                int from = restart ? 0 : series.getItemCount();
                series.setNotify(false);
                if (restart) {
                    series.clear();
                }
                for (int i = from; i < h.size(); i++) {
                    series.add(h.x(i), h.y(0, i), false);
                }
                series.setNotify(true);
                generations.set(lane, h.generation());
            }
        } finally {
            chart.setNotify(true);
        }
    }

    JFreeChart chart() {
        return chart;
    }
}
