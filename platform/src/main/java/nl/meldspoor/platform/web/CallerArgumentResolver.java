package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets query handlers take the {@link Caller} whose access they check. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final ActingPersonResolver actingPersonResolver;

    public CallerArgumentResolver(ActingPersonResolver actingPersonResolver) {
        this.actingPersonResolver = actingPersonResolver;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return actingPersonResolver.resolve(webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
