package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link CommandRequest} parameter. */
public class CommandRequestArgumentResolver implements HandlerMethodArgumentResolver {

    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final ActingPersonResolver actingPersonResolver;

    public CommandRequestArgumentResolver(ActingPersonResolver actingPersonResolver) {
        this.actingPersonResolver = actingPersonResolver;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public CommandRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new CommandRequest(
                actingPersonResolver.resolve(request),
                expectedVersion(request.getHeader(IF_MATCH)),
                idempotencyKey(request.getHeader(IDEMPOTENCY_KEY)),
                request.getMethod(),
                request.getRequestURI());
    }

    /** Accepts {@code 3}, {@code "3"} and {@code W/"3"}: the ETag this service handed out. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new BadRequestHeaderException(IF_MATCH, "If-Match moet de versie bevatten die u het laatst zag, bijvoorbeeld \"3\".");
        }
    }

    static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        String value = key.strip();
        if (value.isEmpty() || value.length() > MAX_KEY_LENGTH) {
            throw new BadRequestHeaderException(IDEMPOTENCY_KEY, "Idempotency-Key moet 1 tot " + MAX_KEY_LENGTH + " tekens lang zijn.");
        }
        return value;
    }
}
