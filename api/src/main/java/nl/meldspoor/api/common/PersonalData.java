package nl.meldspoor.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks free text that can identify people. Such text is special-category data (AVG): it must be
 * protectable so that it can be made unreadable after the retention period without rewriting the
 * immutable event log (crypto-shredding, DOMAIN.md §7).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
