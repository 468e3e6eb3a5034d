package seckill.ui.replay;

import java.util.Map;

import seckill.report.Recording;
import seckill.sale.StrategyKind;
import seckill.ui.compare.CompareViewModel;
import seckill.ui.compare.CompareViewModel.Column;

/** A comparison's lane as its recording ended: the column its live result left, from the lane's own report. */
final class RecordedColumns {
    private RecordedColumns() {
    }

    /** @param lane one lane of a comparison's recording ({@link Recording#lane}) */
    static Column of(Recording lane) {
        Map<String, Object> end = lane.end().fields();
        Map<?, ?> report = end.get("report") instanceof Map<?, ?> m ? m : end;
        StrategyKind strategy = StrategyKind.fromName(String.valueOf(lane.header().settings().get("strategy")));
        boolean failed = "error".equals(report.get("ended_by"));
        boolean ok = report.get("audit") instanceof Map<?, ?> audit ? Boolean.TRUE.equals(audit.get("ok"))
                : Boolean.TRUE.equals(end.get("audit_ok"));
        long oversold = number(report, "oversold", 0);
        // as the live column says it: no fairness for an oversold lane, no 库存遗留 for one stopped by hand
        return new Column(strategy, !failed, number(report, "stock", -1), number(report, "sold", 0),
                number(report, "remaining_stock", 0), oversold, number(report, "conflicts", -1),
                "stopped".equals(report.get("ended_by")) ? -1 : number(report, "unsold_stock", -1),
                soldOutMs(lane, number(report, "stock", -1)),
                oversold == 0 && report.get("fairness") instanceof Number f ? f.doubleValue() : Double.NaN,
                CompareViewModel.audit(!failed, ok, strategy), true);
    }

    /**
     * When the stock went, as the live column says it: the kill_time of the purchase that emptied it (its rank is the
     * stock), not the client's own timer; -1 when stock was left.
     */
    static long soldOutMs(Recording lane, long stock) {
        return lane.purchases().stream().filter(p -> p.rank() == stock).mapToLong(p -> Math.round(p.t())).findFirst()
                .orElse(-1);
    }

    private static long number(Map<?, ?> fields, String name, long otherwise) {
        return fields.get(name) instanceof Number n ? n.longValue() : otherwise;
    }
}
