package seckill.ui.form;

import java.util.OptionalLong;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import seckill.sim.ConfigField;
import seckill.sim.SettingsRules;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;
import seckill.util.Problem;

/**
 * One number of the form, read as it is typed by {@link SettingsRules}, as the command line reads it: the same
 * numbers are taken ("20,000", "1_000"), the same refused ("1,5"). The message says what is allowed, in the window's
 * language, without the field's name: the form shows it under the field's label, and the status bar puts the
 * {@link #name()} before it.
 */
@Face
public final class FieldViewModel {
    private final ConfigField field;
    private final LocalText name;
    private final boolean optional;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<LocalText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    /**
     * @param optional an empty field is valid and means "none" (the seed: a new one each run)
     */
    public FieldViewModel(ConfigField field, boolean optional) {
        this.field = field;
        this.name = LocalText.of("field." + field.optionName());
        this.optional = optional;
        text.set(optional ? "" : Long.toString(field.defaultValue()));
        // bound, not set by a listener: whoever reads them first after a keystroke reads the new text's
        error.bind(Bindings.createObjectBinding(() -> check(text.get()), text));
        valid.bind(error.isNull());
    }

    public ConfigField field() {
        return field;
    }

    /** The field's name, e.g. "Stock" / "库存". */
    public LocalText name() {
        return name;
    }

    /** "1 – 100,000,000" for the hint under the field (the seed and the buckets say a little more). */
    public LocalText rangeHint() {
        if (field == ConfigField.SEED) {
            return LocalText.of("hint.seed");
        }
        if (field == ConfigField.BUCKETS) {
            return LocalText.of("hint.buckets", field.min(), field.max(), "{sale}:");
        }
        return LocalText.of("hint.range", field.min(), field.max());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<LocalText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    public void setValue(long value) {
        text.set(Long.toString(value));
    }

    /** The number typed, or empty when the field is optional and blank. Only call when valid. */
    public OptionalLong value() {
        if (!isValid()) {
            throw new IllegalStateException(field.option() + " is not valid");
        }
        return blank(text.get()) ? OptionalLong.empty()
                : OptionalLong.of(SettingsRules.parse(field, text.get()).value());
    }

    /** Null when the text is acceptable, else the message; public for the tests of every case. */
    public LocalText check(String raw) {
        if (optional && blank(raw)) {
            return null;
        }
        Problem problem = SettingsRules.parse(field, raw).problem();
        return problem == null ? null : LocalText.of("error.problem", problem);
    }

    private static boolean blank(String raw) {
        return raw == null || raw.isBlank();
    }
}
