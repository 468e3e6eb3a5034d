package seckill.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import seckill.service.ServerInfo;

/** The server the session last reached, as the status bar shows it: its URL (password masked), version, kind. */
public final class ServerModel {
    private final ReadOnlyStringWrapper redisTarget = new ReadOnlyStringWrapper(this, "redisTarget", "");
    private final ReadOnlyStringWrapper serverVersion = new ReadOnlyStringWrapper(this, "serverVersion", "");
    private final ReadOnlyBooleanWrapper embedded = new ReadOnlyBooleanWrapper(this, "embedded");
    /** The last server reached, or null. */
    private ServerInfo server;

    void reached(ServerInfo info) {
        server = info;
        redisTarget.set(info.maskedUrl());
        serverVersion.set(info.version());
        embedded.set(info.embedded());
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
