package seckill.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;

/** The icons the dashboard uses (Material Design 2), in one place so a missing one fails at start. */
public final class Icons {
    public static final String START = "mdi2p-play";
    public static final String STOP = "mdi2s-stop";
    public static final String RESET = "mdi2r-restore";
    public static final String WATCH = "mdi2e-eye-outline";
    public static final String CONNECT = "mdi2l-lan-connect";
    public static final String SCREENSHOT = "mdi2c-camera-outline";
    public static final String CSV = "mdi2f-file-delimited-outline";
    public static final String JSON = "mdi2c-code-json";
    public static final String CHART = "mdi2c-chart-line";
    public static final String CODE = "mdi2c-code-braces";
    public static final String THEME = "mdi2t-theme-light-dark";
    public static final String LANGUAGE = "mdi2t-translate";
    public static final String ALERT = "mdi2a-alert";
    public static final String FOLLOW = "mdi2a-arrow-collapse-down";
    public static final String ZOOM_IN = "mdi2m-magnify-plus-outline";
    public static final String ZOOM_OUT = "mdi2m-magnify-minus-outline";
    public static final String FULL_SCREEN = "mdi2f-fullscreen";
    public static final String SETTINGS = "mdi2t-tune";
    /** A student who joined from their phone (the class list, the winners table). */
    public static final String STUDENT = "mdi2a-account";
    public static final String KICK = "mdi2a-account-remove";
    public static final String WON = "mdi2t-trophy";

    private Icons() {
    }

    public static FontIcon of(String code) {
        return new FontIcon(code);
    }
}
