package seckill.ui.form;

import javafx.scene.control.TextField;
import javafx.scene.control.skin.TextFieldSkin;

/** The Redis URL field's look: the password of the URL is drawn as dots while it is typed, as a password field. */
final class UrlFieldSkin extends TextFieldSkin {
    UrlFieldSkin(TextField field) {
        super(field);
    }

    @Override
    protected String maskText(String text) {
        return UrlSecret.hide(text);
    }
}
