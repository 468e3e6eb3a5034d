package seckill.sim;

import java.util.Locale;

/** Why a run ended, as the report spells it. */
public enum EndReason {
    SOLD_OUT, TIME_UP, ALL_USERS_DONE, STOPPED, ERROR;

    public String reportName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
