package seckill.ui.form;

import javafx.beans.binding.BooleanExpression;
import seckill.ui.common.Face;

/** What the form's buttons ask of the session, and when they may: the session's to say. */
@Face
public interface FormActions {
    void connect();

    void start();

    void stop();

    void reset();

    void watch();

    /** Reset, watch, connect and the fields: only while nothing runs. */
    BooleanExpression canChangeSaleProperty();

    BooleanExpression canStopProperty();
}
