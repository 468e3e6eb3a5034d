package seckill.ui.form;

import java.util.OptionalLong;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import seckill.sim.ConfigField;
import seckill.ui.common.Face;
import seckill.ui.common.LocalText;

/**
 * One number of the form, checked as it is typed against {@link ConfigField}, the one table of ranges. The message
 * says what is allowed, in the window's language, without the field's name: the form shows it under the field's
 * label, and the status bar puts the {@link #name()} before it.
 */
@Face
public final class FieldViewModel {
    /** Beyond this many digits a number is not a typo worth quoting back: it is absurd. */
    private static final int ABSURD_DIGITS = 19;

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
        text.addListener((obs, old, now) -> validate());
        text.set(optional ? "" : Long.toString(field.defaultValue()));
        validate();
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

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
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
        String t = normalized(text.get());
        return t.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(t));
    }

    private void validate() {
        LocalText problem = check(text.get());
        error.set(problem);
        valid.set(problem == null);
    }

    /** Null when the text is acceptable, else the message; public for the tests of every case. */
    public LocalText check(String raw) {
        String t = normalized(raw);
        LocalText range = LocalText.of("range", field.min(), field.max());
        if (t.isEmpty()) {
            return optional ? null : LocalText.of("error.empty", range);
        }
        if (!t.matches("[-+]?\\d+")) {
            return LocalText.of("error.notNumber", range, abbreviate(raw.strip()));
        }
        String digits = t.replaceFirst("^[-+]", "").replaceFirst("^0+(?=\\d)", "");
        boolean negative = t.startsWith("-") && !digits.equals("0");
        if (negative && field.min() >= 0) {
            return LocalText.of("error.negative", range);
        }
        if (digits.length() >= ABSURD_DIGITS) {
            if (field == ConfigField.SEED && digits.length() == ABSURD_DIGITS && fitsLong(t)) {
                return null;
            }
            // the seed takes negative numbers: one too far below is as absurd as one too far above
            return negative ? LocalText.of("error.absurdlySmall", field.min()) : LocalText.of("error.absurd",
                    field.max());
        }
        long v = Long.parseLong(t);
        if (v == 0 && field.min() == 1) {
            return LocalText.of("error.zero", range);
        }
        if (v < field.min() || v > field.max()) {
            return LocalText.of("error.range", range, v);
        }
        return null;
    }

    private static boolean fitsLong(String t) {
        try {
            Long.parseLong(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** People type "1,000", "1_000" or " 1000 "; all mean the same number, as on the command line. */
    private static String normalized(String raw) {
        return raw == null ? "" : raw.strip().replace("_", "").replace(",", "").replace("，", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "…";
    }
}
