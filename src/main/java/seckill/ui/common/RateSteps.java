package seckill.ui.common;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Rates as steps: each point's value is what happened over the interval that ends at it, drawn flat across that
 * interval (the step rises where the interval starts). After a gap (a point with no value) the interval up to the
 * next point had no data, so nothing is drawn across it: JFreeChart's own step would draw the next value all the
 * way back to the gap.
 */
final class RateSteps extends XYStepRenderer {
    private static final long serialVersionUID = 1L;

    RateSteps() {
        setStepPoint(0);
        setDefaultShapesVisible(false);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (item > 0 && Double.isNaN(dataset.getYValue(series, item - 1))) {
            return;
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
    }
}
