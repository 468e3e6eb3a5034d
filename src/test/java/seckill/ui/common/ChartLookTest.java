package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartLookTest {
    private static final Color ATTEMPTS = new Color(0x8250df);
    private static final Color WINS = new Color(0x1a7f37);
    private static final Color CONFLICTS = new Color(0xcf222e);

    /** A rates chart of these series, each a list of x, y pairs, drawn without smoothing. */
    private static JFreeChart rates(double[]... series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < series.length; s++) {
            XYSeries xy = new XYSeries("s" + s, false, true);
            for (int i = 0; i < series[s].length; i += 2) {
                xy.add(series[s][i], series[s][i + 1]);
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("", "", "", data, PlotOrientation.VERTICAL, false, false,
                false);
        chart.getXYPlot().setRenderer(ChartLook.rateSteps(ATTEMPTS, WINS, CONFLICTS));
        chart.getXYPlot().setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        chart.setAntiAlias(false);
        ChartLook.axes(chart);
        return chart;
    }

    private record Drawn(BufferedImage image, Rectangle2D area, XYPlot plot) {
        Color at(double x, double y) {
            double px = plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM);
            double py = plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT);
            return new Color(image.getRGB((int) Math.round(px), (int) Math.round(py)));
        }

        /** How many pixels in this colour the whole picture has. */
        long pixels(Color colour) {
            long n = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    n += image.getRGB(x, y) == colour.getRGB() ? 1 : 0;
                }
            }
            return n;
        }
    }

    private static Drawn draw(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(600, 400, info);
        return new Drawn(image, info.getPlotInfo().getDataArea(), chart.getXYPlot());
    }

    @Test
    void aRateIsAFlatStepAcrossTheIntervalItMeasures_notASlopeFromTheOneBefore() {
        // 0 attempts/s in the second up to 1 s, 1,000/s in the second up to 2 s
        JFreeChart chart = rates(new double[] {0, 0, 1, 0, 2, 1_000, 3, 1_000});
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1_200);
        Drawn d = draw(chart);

        assertThat(d.at(1.5, 1_000)).as("the interval's rate, all along it").isEqualTo(ATTEMPTS);
        assertThat(d.at(1.25, 1_000)).isEqualTo(ATTEMPTS);
        assertThat(d.at(1.5, 500)).as("no slope through the middle").isNotEqualTo(ATTEMPTS);
        assertThat(d.at(1, 500)).as("the step rises where the interval starts").isEqualTo(ATTEMPTS);
    }

    @Test
    void conflictsEqualToTheAttemptsLeaveTheAttemptsInSight() {
        double[] same = {0, 800, 1, 900, 2, 700, 3, 950};
        Drawn d = draw(rates(same, new double[] {0, 0, 1, 0, 2, 0, 3, 0}, same.clone()));

        assertThat(d.pixels(CONFLICTS)).isPositive();
        assertThat(d.pixels(ATTEMPTS)).as("attempts drawn under conflicts, wider").isPositive();
        assertThat(d.pixels(WINS)).isPositive();
    }

    @Test
    void noRateIsDrawnAcrossAGap() {
        // as the model marks one: a point with no value at the last one's time
        Drawn d = draw(rates(new double[] {0, 500, 1, 500, 1, Double.NaN, 3, 500, 4, 500}));
        ((NumberAxis) d.plot.getRangeAxis()).setRange(0, 1_000);
        d = draw(d.plot.getChart());

        assertThat(d.at(0.5, 500)).isEqualTo(ATTEMPTS);
        assertThat(d.at(2.5, 500)).as("no data from 1 s to 3 s").isNotEqualTo(ATTEMPTS);
        assertThat(d.at(3.5, 500)).isEqualTo(ATTEMPTS);
    }

    @Test
    void theTimeAxisSaysSecondsOnEveryTick() {
        JFreeChart chart = rates(new double[] {0, 0, 10, 0});
        ChartLook.secondsTicks(chart, "s");
        NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(0.5).valueToString(2.5)).isEqualTo("2.5 s");
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(5).valueToString(10_000)).isEqualTo("10,000 s");
        ChartLook.secondsTicks(chart, "秒");
        assertThat(x.getStandardTickUnits().getCeilingTickUnit(1).valueToString(3)).isEqualTo("3 秒");
    }

    @Test
    void anAxisTitleIsWholeOrAbsent_neverClipped() {
        JFreeChart chart = rates(new double[] {0, 0, 10, 0});
        ChartLook.type(chart, Font.SANS_SERIF, 1, false);
        XYPlot plot = chart.getXYPlot();
        String time = "time since the sale opened";

        ChartLook.titles(chart, time, "per second", false, 900, 500, 1);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo(time);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("per second");

        ChartLook.titles(chart, time, "per second", false, 250, 160, 1);
        assertThat(plot.getDomainAxis().getLabel()).as("too narrow for it").isNull();
        assertThat(plot.getRangeAxis().getLabel()).as("too short for it on its side").isNull();

        ChartLook.titles(chart, time, "per second", false, 500, 500, 1);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo(time);
        ChartLook.type(chart, Font.SANS_SERIF, 2, false);
        ChartLook.titles(chart, time, "per second", false, 500, 500, 2);
        assertThat(plot.getDomainAxis().getLabel()).as("twice the type in the same room").isNull();
    }

    @Test
    void aChineseValueTitleStandsUpright() {
        JFreeChart chart = rates(new double[] {0, 0, 10, 0});
        ChartLook.type(chart, Font.SANS_SERIF, 1, false);
        ChartLook.titles(chart, "开售后的时间", "每秒", true, 900, 160, 1);
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("每秒");
        assertThat(chart.getXYPlot().getRangeAxis().getLabelAngle()).as("across the axis, read as written")
                .isEqualTo(Math.PI / 2);
        ChartLook.titles(chart, null, null, true, 900, 160, 1);
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).as("none asked for").isNull();
        ChartLook.titles(chart, "time", "per second", false, 900, 500, 1);
        assertThat(chart.getXYPlot().getRangeAxis().getLabelAngle()).isZero();
    }
}
