package nl.meldspoor.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request body that legitimately carries sealed texts (a read service asking a holder to open
 * them), so {@link SealedInputRefusal} lets it pass. No command body may carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CarriesSealedText {
}
