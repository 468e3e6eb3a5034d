package seckill.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import seckill.service.ServerInfo;
import seckill.ui.common.LocalText;

/**
 * The server the session last reached, as the status bar shows it: its URL (password masked), version, kind; and
 * why the last attempt to use one failed (a wrong password, a refused connection), until one is reached.
 */
public final class ServerModel {
    private final ReadOnlyStringWrapper redisTarget = new ReadOnlyStringWrapper(this, "redisTarget", "");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyBooleanWrapper embedded = new ReadOnlyBooleanWrapper(this, "embedded");
    private final ReadOnlyObjectWrapper<LocalText> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** The last server reached, or null. */
    private ServerInfo server;

    void reached(ServerInfo info) {
        server = info;
        redisTarget.set(info.maskedUrl());
        serverVersion.set(info.version());
        embedded.set(info.embedded());
        problem.set(null);
    }

    /** Redis could not be used, for this reason (already in the status line's words). */
    void troubled(LocalText why) {
        problem.set(why);
    }

    /** Why Redis could not be used, until a server is reached; or null. */
    public ReadOnlyObjectProperty<LocalText> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the window's red banner says: the sale's own warning (Redis lost), else why Redis could not be used. */
    public ObjectBinding<LocalText> bannerOver(ObservableValue<LocalText> saleWarning) {
        return Bindings.createObjectBinding(() -> saleWarning.getValue() != null ? saleWarning.getValue()
                : problem.get(), saleWarning, problem);
    }

    /** "Not connected" beside an earlier server's address would tell a wrong story. */
    void forget() {
        server = null;
        redisTarget.set("");
        serverVersion.set("");
        embedded.set(false);
    }

    boolean isReached() {
        return server != null;
    }

    /** The Redis URL with its password masked, once connected. */
    public ReadOnlyStringProperty redisTargetProperty() {
        return redisTarget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverVersionProperty() {
        return serverVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty embeddedProperty() {
        return embedded.getReadOnlyProperty();
    }
}
