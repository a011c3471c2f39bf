package nl.meldspoor.platform.openapi;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.stream.Collectors;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.web.CommandRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.CallerResolver;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Documents the bearer token every request needs and what a {@link CommandRequest} parameter reads
 * from the request: the role header, the version the caller saw and the idempotency key.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiPlatformAutoConfiguration {

    private static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandRequest.class);
    }

    /** Every operation needs a bearer token of the board's identity provider. */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            openApi.components((openApi.getComponents() == null ? new Components() : openApi.getComponents())
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

    /** A read by a signed-in caller may say why; the access log keeps it. */
    @Bean
    OperationCustomizer purposeOfReads() {
        return (operation, handlerMethod) -> {
            boolean readByCaller = handlerMethod.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class)
                    && Arrays.stream(handlerMethod.getMethodParameters()).anyMatch(parameter -> parameter.getParameterType() == Caller.class);
            if (readByCaller) {
                operation.addParametersItem(new HeaderParameter().name(AccessLog.PURPOSE_HEADER).required(false)
                        .description("Waarom u dit inziet, als code: " + Arrays.stream(AccessPurpose.values())
                                .map(purpose -> purpose.name() + " (" + purpose.label() + ")").collect(Collectors.joining(", "))
                                + ". Wordt met de inzage vastgelegd in het toegangslogboek; vrije tekst wordt geweigerd (400).")
                        .schema(new StringSchema()._enum(Arrays.stream(AccessPurpose.values()).map(Enum::name).toList())));
            }
            return operation;
        };
    }

    @Bean
    OperationCustomizer commandRequestHeaders() {
        return (operation, handlerMethod) -> {
            boolean takesCommandRequest = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandRequest.class);
            if (takesCommandRequest) {
                operation.addParametersItem(new HeaderParameter().name(CallerResolver.ROLE_HEADER).required(false)
                        .description("In welke rol u handelt; nodig wanneer het personeelsbestand u meer dan één rol geeft")
                        .schema(new StringSchema()._enum(Arrays.stream(Role.values()).map(Enum::name).toList())));
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("De versie die u het laatst zag; een andere huidige versie geeft 409")
                        .schema(new IntegerSchema()));
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Unieke sleutel per verzoek; een herhaling met dezelfde sleutel verandert niets")
                        .schema(new StringSchema().maxLength(255)));
            }
            return operation;
        };
    }
}
