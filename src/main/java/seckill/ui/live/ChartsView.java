package seckill.ui.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import seckill.ui.common.ChartHistory;
import seckill.ui.common.ChartLook;
import seckill.ui.common.Face;
import seckill.ui.common.I18n;
import seckill.ui.common.SideOrStack;
import seckill.ui.common.ThrottledRedraw;

/**
 * Two JFreeChart charts: stock left and sold over time; attempts, wins and conflicts per second. They copy only
 * the points that are new in the view model's {@link ChartHistory}, with change events held back while copying, so
 * a redraw happens once per frame at most.
 *
 * <p>They show what the data does not say as well as what it does: a break in the lines where no poll came back, a
 * shaded band while Redis was lost, stock below a zero line when the naive strategy oversold, and only the sold
 * line's rate while watching another client (its attempts and conflicts are not known here).
 */
@Face
public final class ChartsView extends VBox {
    private static final Color[] STOCK_COLOURS = {new Color(0x1f6feb), new Color(0x1a7f37)};
    private static final Color[] RATE_COLOURS = {new Color(0x8250df), new Color(0x1a7f37), new Color(0xcf222e)};
    private static final Color OUTAGE = new Color(0xcf, 0x22, 0x2e, 0x38);
    private static final Color ZERO = new Color(0xcf222e);
    /** The rates chart's series a watched sale cannot know: attempts and conflicts. */
    private static final int[] CLIENT_ONLY_RATES = {0, 2};

    private final LiveSaleModel model;
    private final I18n i18n;
    private final Plot stock;
    private final Plot rates;
    private double scale = 1;
    private final ThrottledRedraw redraw = new ThrottledRedraw(this::syncNow);
    /** The least height of a chart at 100 %, in px, times the zoom, before it has been drawn once. */
    static final double LEAST_HEIGHT = 200;
    /** The least width of a chart beside the other, at 100 %, in px, times the zoom. */
    static final double SIDE_WIDTH = 220;
    /**
     * The least plot (the data area) a class can read, in px, at a zoom of {@code scale}: 80 at 100 %, 160 at 150 %,
     * 240 at 200 %. Less room, and the page scrolls rather than a chart shrink.
     */
    public static double leastPlot(double scale) {
        return 160 * (scale - 0.5);
    }

    public ChartsView(LiveSaleModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.stock = new Plot(model.stockHistory(), levels(), "chart.stock", "chart.items",
                List.of("chart.stockLeft", "chart.sold"));
        this.rates = new Plot(model.rateHistory(), ChartLook.rateSteps(RATE_COLOURS), "chart.rates", "chart.perSecond",
                List.of("chart.attempts", "chart.wins", "chart.conflicts"));
        ValueMarker zero = new ValueMarker(0, ZERO, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        stock.chart.getXYPlot().addRangeMarker(zero, Layer.BACKGROUND);
        createView();
        initListeners();
    }

    /** Stock left and sold are levels read at each poll: a line from one reading to the next. */
    private static XYLineAndShapeRenderer levels() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < STOCK_COLOURS.length; s++) {
            renderer.setSeriesPaint(s, STOCK_COLOURS[s]);
            renderer.setSeriesStroke(s, new BasicStroke(3f));
        }
        return renderer;
    }

    private void createView() {
        setSpacing(8);
        getStyleClass().add("charts");
        stock.viewer.setId("chart-stock");
        rates.viewer.setId("chart-rates");
        // one above the other; side by side when the room is wide and short (1280x720 with the form folded away)
        // and side by side too when one above the other would not leave each its least height but the width gives
        // each a chart's width: the page then need not scroll
        SideOrStack both = new SideOrStack(stock.viewer, rates.viewer, 8, false, (w, h) -> w > 2.2 * h
                || h < stock.viewer.getMinHeight() + rates.viewer.getMinHeight() + 8 && w >= 2 * SIDE_WIDTH * scale);
        both.setId("charts-pane");
        VBox.setVgrow(both, Priority.ALWAYS);
        getChildren().add(both);
    }

    private void initListeners() {
        model.chartsVersionProperty().addListener((obs, was, now) -> redraw.markDirty());
        model.ratesKnownProperty().addListener((obs, was, known) -> showClientRates(known));
        showClientRates(model.ratesKnownProperty().get());
        redraw.start();
        i18n.localeProperty().addListener((obs, was, now) -> {
            stock.relabel();
            rates.relabel();
        });
    }

    /** Watching another client: no attempts nor conflicts lines, nor their legends; the title says wins only. */
    private void showClientRates(boolean known) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) rates.chart.getXYPlot().getRenderer();
        for (int s : CLIENT_ONLY_RATES) {
            renderer.setSeriesVisible(s, known, false);
            renderer.setSeriesVisibleInLegend(s, known, false);
        }
        rates.titleKey = known ? "chart.rates" : "chart.ratesWatched";
        rates.relabel();
    }

    /** Copies every pending point now, e.g. before a screenshot. */
    public void syncNow() {
        stock.sync();
        rates.sync();
    }

    /** The view is done with (an offscreen copy): it stops watching for frames. */
    public void dispose() {
        redraw.stop();
    }

    /** Draws the charts' text this much larger than at 100 % (the window's zoom). */
    public void setScale(double newScale) {
        if (newScale != scale) {
            scale = newScale;
            stock.keepLeastPlot();
            rates.keepLeastPlot();
            stock.relabel();
            rates.relabel();
        }
    }

    public JFreeChart stockChart() {
        return stock.chart;
    }

    public JFreeChart ratesChart() {
        return rates.chart;
    }

    /** Colours that read on the theme's background (the charts are drawn by JFreeChart, not styled by CSS). */
    public void applyTheme(boolean dark) {
        stock.applyTheme(dark);
        rates.applyTheme(dark);
    }

    private final class Plot {
        final ChartHistory history;
        final XYSeries[] series;
        final JFreeChart chart;
        final ChartViewer viewer;
        String titleKey;
        final String axisKey;
        final List<String> seriesKeys;
        long generation = -1;
        long outagesVersion = -1;
        final List<IntervalMarker> outageBands = new ArrayList<>();
        /** Short on height (a projector at 1024x768): the title says what the axes would, the plot gets the room. */
        boolean compact;

        Plot(ChartHistory history, XYLineAndShapeRenderer renderer, String titleKey, String axisKey,
             List<String> seriesKeys) {
            this.history = history;
            this.titleKey = titleKey;
            this.axisKey = axisKey;
            this.seriesKeys = seriesKeys;
            XYSeriesCollection data = new XYSeriesCollection();
            series = new XYSeries[seriesKeys.size()];
            for (int s = 0; s < series.length; s++) {
                // keys must be distinct and stable; the legend shows the description set in relabel()
                series[s] = new XYSeries(seriesKeys.get(s), false, true);
                data.addSeries(series[s]);
            }
            chart = ChartFactory.createXYLineChart("", "", "", data, PlotOrientation.VERTICAL, true, false, false);
            XYPlot plot = chart.getXYPlot();
            plot.setRenderer(renderer);
            // JFreeChart draws the last series first by default; forward puts wins and conflicts on top of
            // attempts, which they equal when nobody loses a race (lua)
            plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            // the axes write their numbers as the tiles and the table do, whatever the system's language
            ChartLook.axes(chart);
            viewer = new ChartViewer(chart);
            viewer.setMinWidth(160);
            viewer.setMinHeight(LEAST_HEIGHT);
            // once drawn, the chart knows what its title, axes and legend take: the plot keeps its least height
            chart.addProgressListener(e -> {
                if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                    keepLeastPlot();
                }
            });
            viewer.heightProperty().addListener((obs, was, now) -> {
                boolean shortOnHeight = now.doubleValue() < 230 * scale;
                if (shortOnHeight != compact) {
                    compact = shortOnHeight;
                    relabel();
                } else {
                    fitTitles();
                }
            });
            viewer.widthProperty().addListener((obs, was, now) -> fitTitles());
            relabel();
            applyTheme(false);
        }

        /** The least height: the least plot at this zoom and what the rest of the chart took when last drawn. */
        void keepLeastPlot() {
            ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
            double drawn = viewer.getCanvas().getHeight();
            double chrome = info == null || info.getPlotInfo() == null || drawn <= 0 ? 0
                    : drawn - info.getPlotInfo().getDataArea().getHeight();
            double least = Math.ceil(Math.max(LEAST_HEIGHT * scale, leastPlot(scale) + chrome));
            if (Math.abs(viewer.getMinHeight() - least) >= 1) {
                viewer.setMinHeight(least);
            }
        }

        void relabel() {
            // JFreeChart draws its own text: give it a family with Chinese glyphs while the window speaks Chinese
            String family = ChartLook.family(i18n);
            // short on height the legend names the lines: the title shrinks to a word, so it takes one line
            chart.setTitle(i18n.get(compact ? titleKey + ".short" : titleKey));
            ChartLook.type(chart, family, scale, compact);
            ChartLook.secondsTicks(chart, i18n.get("chart.unitSeconds"));
            fitTitles();
            XYPlot plot = chart.getXYPlot();
            for (int s = 0; s < series.length; s++) {
                series[s].setDescription(i18n.get(seriesKeys.get(s)));
            }
            for (IntervalMarker band : outageBands) {
                band.setLabel(i18n.get("chart.outage"));
                band.setLabelFont(new Font(family, Font.PLAIN, size(13)));
            }
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            renderer.setLegendItemLabelGenerator((dataset, index) -> series[index].getDescription());
            chart.fireChartChanged();
        }

        /** Short on height the axes need no titles (the ticks say seconds); else each one that fits whole. */
        void fitTitles() {
            ChartLook.titles(chart, compact ? null : i18n.get("chart.seconds"), compact ? null : i18n.get(axisKey),
                    i18n.isChinese(), viewer.getWidth(), viewer.getHeight(), scale);
        }

        private int size(int atHundredPercent) {
            return ChartLook.size(atHundredPercent, scale);
        }

        public void applyTheme(boolean dark) {
            ChartLook.theme(chart, dark);
        }

        /** Shades each time Redis was lost; one still going reaches the right edge until Redis answers. */
        void syncOutages() {
            if (outagesVersion == history.outagesVersion()) {
                return;
            }
            outagesVersion = history.outagesVersion();
            XYPlot plot = chart.getXYPlot();
            for (IntervalMarker band : outageBands) {
                plot.removeDomainMarker(band, Layer.BACKGROUND);
            }
            outageBands.clear();
            String family = ChartLook.family(i18n);
            for (double[] outage : history.outages()) {
                double end = Double.isNaN(outage[1]) ? Double.MAX_VALUE / 4 : outage[1];
                IntervalMarker band = new IntervalMarker(outage[0], end, OUTAGE);
                band.setLabel(i18n.get("chart.outage"));
                band.setLabelFont(new Font(family, Font.PLAIN, size(13)));
                band.setLabelPaint(ZERO);
                band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                outageBands.add(band);
                plot.addDomainMarker(band, Layer.BACKGROUND);
            }
        }

        /** Copies the new points; starts over when the history was thinned or cleared. */
        void sync() {
            syncOutages();
            boolean restart = generation != history.generation();
            int from = restart ? 0 : series[0].getItemCount();
            if (!restart && from == history.size()) {
                return;
            }
            chart.setNotify(false);
            try {
                for (int s = 0; s < series.length; s++) {
                    series[s].setNotify(false);
                    if (restart) {
                        series[s].clear();
                    }
                    for (int i = from; i < history.size(); i++) {
                        series[s].add(history.x(i), history.y(s, i), false);
                    }
                    series[s].setNotify(true);
                }
            } finally {
                generation = history.generation();
                chart.setNotify(true);
            }
        }
    }
}
