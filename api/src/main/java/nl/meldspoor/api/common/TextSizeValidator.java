package nl.meldspoor.api.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@link Size} for texts, registered through the service loader so it takes the place of the
 * provider's own validator for {@code String}: a text's limit is about what a person typed. A copy of
 * a text that arrives sealed from its holder (a pupil file's signal forwarded into a case) was checked
 * in plain when it was recorded and is longer now only by its encryption; its plain length cannot be
 * seen here, so it is not measured again. Input that merely looks sealed never gets this far: the
 * services refuse it where requests enter.
 */
public class TextSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null || SealedText.isSealed(text)) {
            return true;
        }
        return text.length() >= min && text.length() <= max;
    }
}
