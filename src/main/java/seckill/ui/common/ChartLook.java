package seckill.ui.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;

/**
 * How every chart of the window looks: colours that read on the theme's background (JFreeChart draws its charts
 * itself, CSS does not reach them), type that grows with the zoom and speaks Chinese, numbers written as the tiles
 * write them.
 */
public final class ChartLook {
    private ChartLook() {
    }

    /** Axes that start at zero and tick in the window's number format. */
    public static void axes(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits(Formats.NUMBERS));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Formats.NUMBERS));
    }

    /**
     * Rates, each what happened over the interval that ends at its point: a flat step across that interval, not a
     * slope from the one before ({@link RateSteps}). The first series, drawn first, is the widest, so that a later
     * one equal to it (lua's wins, watch's conflicts equal to the attempts) leaves its edges in sight; the third is
     * dashed, so the lines under it show through.
     */
    public static XYStepRenderer rateSteps(Color... colours) {
        XYStepRenderer renderer = new RateSteps();
        // long enough in the legend for a dash, a gap and a dash
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        for (int s = 0; s < colours.length; s++) {
            renderer.setSeriesPaint(s, colours[s]);
            float width = s == 0 ? 6f : 3f;
            renderer.setSeriesStroke(s, s == 2
                    ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f},
                    0f)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        return renderer;
    }

    /** The time axis writes its unit on every tick ("2.5 s"), so it is said at any size, with or without a title. */
    public static void secondsTicks(JFreeChart chart, String unit) {
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        x.setStandardTickUnits(new NumberTickUnitSource(false, new WithUnit(unit)));
    }

    /**
     * Axis titles that are whole or absent, never clipped: each only where its text fits the room the plot has for
     * it (the time axis's width, the value axis's height); a Chinese value title written upright, not on its side.
     *
     * @param width  the chart's width on screen
     * @param height the chart's height on screen
     */
    public static void titles(JFreeChart chart, String time, String value, boolean chinese, double width,
                              double height, double scale) {
        XYPlot plot = chart.getXYPlot();
        ValueAxis x = plot.getDomainAxis();
        ValueAxis y = plot.getRangeAxis();
        // what the value axis's ticks and the chart's title and legend take, about
        double plotWidth = width - 90 * scale;
        double plotHeight = height - 110 * scale;
        x.setLabel(time != null && fits(time, x.getLabelFont(), plotWidth) ? time : null);
        y.setLabelAngle(chinese ? Math.PI / 2 : 0);
        // upright, it takes the axis's width instead of its height: a word or two
        double room = chinese ? 60 * scale : plotHeight;
        y.setLabel(value != null && fits(value, y.getLabelFont(), room) ? value : null);
    }

    /** The text in this font is no wider than the room. */
    public static boolean fits(String text, Font font, double room) {
        return room > 0 && font.getStringBounds(text, new FontRenderContext(null, true, true)).getWidth() <= room;
    }

    /** The family JFreeChart must draw with: one with Chinese glyphs while the window speaks Chinese. */
    public static String family(I18n i18n) {
        return i18n.isChinese() ? Fonts.cjkFamily().orElse(Font.SANS_SERIF) : Font.SANS_SERIF;
    }

    /** Title, axes and legend type at this zoom; a compact chart (short on height) takes smaller titles. */
    public static void type(JFreeChart chart, String family, double scale, boolean compact) {
        chart.getTitle().setFont(new Font(family, Font.BOLD, size(compact ? 15 : 20, scale)));
        XYPlot plot = chart.getXYPlot();
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(new Font(family, Font.PLAIN, size(16, scale)));
            axis.setTickLabelFont(new Font(family, Font.PLAIN, size(15, scale)));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(family, Font.PLAIN, size(compact ? 14 : 16, scale)));
        }
    }

    public static int size(int atHundredPercent, double scale) {
        return (int) Math.round(atHundredPercent * scale);
    }

    public static void theme(JFreeChart chart, boolean dark) {
        Color background = dark ? new Color(0x0d1117) : Color.WHITE;
        Color plotBackground = dark ? new Color(0x161b22) : new Color(0xf6f8fa);
        Color text = dark ? new Color(0xe6edf3) : new Color(0x1f2328);
        Color grid = dark ? new Color(0x30363d) : new Color(0xd0d7de);
        chart.setBackgroundPaint(background);
        chart.getTitle().setPaint(text);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(plotBackground);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(grid);
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
    }

    /** Numbers as the window writes them, followed by a unit. */
    private static final class WithUnit extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final NumberFormat numbers = NumberFormat.getNumberInstance(Formats.NUMBERS);
        private final String unit;

        WithUnit(String unit) {
            this.unit = " " + unit;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return numbers.format(number, to, pos).append(unit);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return numbers.format(number, to, pos).append(unit);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return numbers.parse(source, pos);
        }
    }
}
