package seckill.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import seckill.util.Resources;

/** Light and dark (AtlantaFX Primer), switchable live; our own sheet only adds sizes and uses the theme's colours. */
public final class Themes {
    static final String STYLESHEET = "/seckill/ui/dashboard.css";

    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");

    public Themes(boolean startDark) {
        setDark(startDark);
    }

    public static String stylesheet() {
        return Resources.url(STYLESHEET).toExternalForm();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean on) {
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(on);
    }
}
