package seckill.ui.common;

import java.util.function.DoubleConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.Region;

/**
 * One panel of the window, as the shell sees it: where it goes, its view (made once, on the FX thread, from the
 * panel's own model) and how it forgets a sale. A feature package shows itself through one such class; the shell
 * places every panel it is given by {@link #place()}, so a new panel is a new package and one line in
 * {@code Dashboard}, not edits across the shell.
 */
public interface Panel {
    /** Where the shell puts a panel's view. */
    enum Place {
        /** Above the sale's tiles, the width of the sale (a lesson's card). */
        ABOVE_SALE,
        /** A tab beside the charts (the winners, the code, the buckets). */
        SIDE_TAB,
        /** At the window's right edge, taking no room while it has nothing to show (what Redis sees, a cluster). */
        RIGHT_EDGE
    }

    /**
     * A side tab's face.
     *
     * @param id       the tab's node id
     * @param titleKey its title's key in the bundles
     * @param icon     an Ikonli icon's name, or null
     * @param present  whether the tab is there now; one that appears while the first tab is chosen is chosen
     * @param chosen   whether the tab is the one on view, both ways (the View menu chooses it, a click tells it);
     *                 null when nothing else cares
     */
    record Tab(String id, String titleKey, String icon, ObservableBooleanValue present, BooleanProperty chosen) {
    }

    /** What every view is made with: the window's language and zoom. */
    record Look(I18n i18n, PresentationModel presentation) {
        /** Hands the zoom's font size (an em, in px) to a view that sizes itself by it: now and at every change. */
        public void followEm(DoubleConsumer setEm) {
            setEm.accept(presentation.getFontSize());
            presentation.fontSizeProperty().addListener((obs, was, px) -> setEm.accept(px.doubleValue()));
        }
    }

    Place place();

    /** The view, made once by the shell on the FX thread. */
    Region createView(Look look);

    /** A side tab's face; null for the other places. */
    default Tab tab() {
        return null;
    }

    /** A new sale (or none) is about to be shown: what the last one left goes. Nothing, for most panels. */
    default void reset() {
    }
}
