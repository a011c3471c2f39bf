package nl.meldspoor.platform.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.platform.privacy.EncryptedText;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import nl.meldspoor.platform.web.Problems.FieldError;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses, for every request body of every service, a text that already looks sealed ({@code msp-enc:…}) or
 * that is the erasure marker. Stored as if it were plain text it would later be taken for ciphertext or for
 * an erased text: a forged "sealed" value could point at another record's key, and a forged marker would
 * hide a text that was never erased. Checked once here, on every String reachable in the body, so a new
 * field cannot forget it. A body that legitimately carries sealed texts is marked {@link CarriesSealedText}.
 */
@ControllerAdvice
public class SealedInputRefusal extends RequestBodyAdviceAdapter {

    /** Any version of the seal: {@code msp-enc:}. */
    static final String SEAL_FAMILY = EncryptedText.PREFIX.substring(0, EncryptedText.PREFIX.indexOf(':') + 1);
    private static final int MAX_DEPTH = 32;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !parameter.getParameterType().isAnnotationPresent(CarriesSealedText.class);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldError> errors = refusals(body);
        if (!errors.isEmpty()) {
            throw new SealedInputRefusedException(errors);
        }
        return body;
    }

    /** The fields of {@code body} that hold a sealed-looking text or the erasure marker, with their paths. */
    public static List<FieldError> refusals(Object body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", errors, 0);
        return errors;
    }

    private static void walk(Object value, String path, List<FieldError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            reason(text.toString()).ifPresent(reason -> errors.add(new FieldError(path.isEmpty() ? "body" : path, reason)));
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                walk(key, join(path, String.valueOf(key)), errors, depth + 1);
                walk(item, join(path, String.valueOf(key)), errors, depth + 1);
            });
        } else if (value instanceof Object[] items) {
            for (int i = 0; i < items.length; i++) {
                walk(items[i], path + "[" + i + "]", errors, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                walk(read(component.getAccessor(), value), join(path, component.getName()), errors, depth + 1);
            }
        }
    }

    static Optional<String> reason(String text) {
        String value = text.strip();
        if (value.regionMatches(true, 0, SEAL_FAMILY, 0, SEAL_FAMILY.length())) {
            return Optional.of("lijkt al versleutelde tekst (begint met '" + SEAL_FAMILY + "'); geef de tekst zelf op");
        }
        if (value.toLowerCase(Locale.ROOT).equals(PersonalDataSerializer.ERASED.toLowerCase(Locale.ROOT))) {
            return Optional.of("is de markering van een verwijderde tekst; geef de tekst zelf op");
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object read(Method accessor, Object target) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + accessor + " of a request body", e);
        }
    }
}
