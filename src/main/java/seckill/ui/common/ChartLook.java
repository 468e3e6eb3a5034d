package seckill.ui.common;

import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

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
}
