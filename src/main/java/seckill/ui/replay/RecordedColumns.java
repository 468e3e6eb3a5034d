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
        return new Column(strategy, !failed, number(report, "stock", -1), number(report, "sold", 0),
                number(report, "remaining_stock", 0), number(report, "oversold", 0), number(report, "conflicts", -1),
                number(report, "unsold_stock", -1), number(report, "sold_out_ms", -1),
                report.get("fairness") instanceof Number f ? f.doubleValue() : Double.NaN,
                CompareViewModel.audit(!failed, ok, strategy), true);
    }

    private static long number(Map<?, ?> fields, String name, long otherwise) {
        return fields.get(name) instanceof Number n ? n.longValue() : otherwise;
    }
}
