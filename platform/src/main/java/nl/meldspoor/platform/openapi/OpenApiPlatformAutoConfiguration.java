package nl.meldspoor.platform.openapi;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.web.CommandRequest;
import nl.meldspoor.platform.web.RequestHeaderActingPersonResolver;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Documents what a {@link CommandRequest} parameter reads from the request: the headers that say who
 * acts, the version the caller saw and the idempotency key.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class OpenApiPlatformAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandRequest.class);
    }

    @Bean
    OperationCustomizer commandRequestHeaders() {
        return (operation, handlerMethod) -> {
            boolean takesCommandRequest = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.getParameterType() == CommandRequest.class);
            if (takesCommandRequest) {
                operation.addParametersItem(new HeaderParameter().name(RequestHeaderActingPersonResolver.PERSON_HEADER).required(true)
                        .description("Wie handelt: persoonskenmerk uit de personeelsregistratie (tot authenticatie dit vervangt)")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(RequestHeaderActingPersonResolver.ROLE_HEADER).required(true)
                        .description("In welke rol")
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
