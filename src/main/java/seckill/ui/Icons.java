package seckill.ui;

import org.kordamp.ikonli.javafx.FontIcon;

/** The icons the dashboard uses (Material Design 2), in one place so a missing one fails at start. */
final class Icons {
    static final String START = "mdi2p-play";
    static final String STOP = "mdi2s-stop";
    static final String RESET = "mdi2r-restore";
    static final String WATCH = "mdi2e-eye-outline";
    static final String CONNECT = "mdi2l-lan-connect";
    static final String SCREENSHOT = "mdi2c-camera-outline";
    static final String CSV = "mdi2f-file-delimited-outline";
    static final String JSON = "mdi2c-code-json";
    static final String CHART = "mdi2c-chart-line";
    static final String THEME = "mdi2t-theme-light-dark";
    static final String LANGUAGE = "mdi2t-translate";
    static final String ALERT = "mdi2a-alert";
    static final String FOLLOW = "mdi2a-arrow-collapse-down";
    static final String ZOOM_IN = "mdi2m-magnify-plus-outline";
    static final String ZOOM_OUT = "mdi2m-magnify-minus-outline";
    static final String FULL_SCREEN = "mdi2f-fullscreen";
    static final String SETTINGS = "mdi2t-tune";

    private Icons() {
    }

    static FontIcon of(String code) {
        return new FontIcon(code);
    }
}
