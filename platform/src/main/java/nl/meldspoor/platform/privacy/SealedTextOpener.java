package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.privacy.web.PersonalDataEndpoints;
import nl.meldspoor.platform.security.CallerResolver;
import nl.meldspoor.platform.web.WrittenJson;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Opens the sealed texts in a response just before it leaves, through their holders and for the
 * person asking: read models and Kafka keep the texts sealed; only the answer to someone who may read
 * them holds them in plain. A text that cannot be opened is shown as erased or unavailable.
 */
@ControllerAdvice
public class SealedTextOpener implements ResponseBodyAdvice<Object> {

    /** What a text reads as when its holder could not be asked or the reader may not read it. */
    public static final String UNAVAILABLE = "[tekst niet beschikbaar]";

    private final KeyHolders holders;
    private final ObjectMapper json;

    public SealedTextOpener(KeyHolders holders, ObjectMapper json) {
        this.holders = holders;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.getContainingClass() != PersonalDataEndpoints.class;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || body instanceof byte[]) {
            return body;
        }
        if (body instanceof String text) {
            return text.contains(EncryptedText.PREFIX) ? openInText(text, request) : text;
        }
        if (body instanceof org.springframework.core.io.Resource) {
            return body;
        }
        if (!AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType)) {
            return body;
        }
        // written once: most answers hold no sealed text, and then the bytes written are what leaves (a long case's
        // timeline is a megabyte: a tree of it, walked twice and written again, cost more than the rest of the request)
        byte[] written = write(body);
        if (!WrittenJson.contains(written, EncryptedText.PREFIX)) {
            return WrittenJson.of(written);
        }
        JsonNode tree = read(written);
        Set<String> sealed = new LinkedHashSet<>();
        PersonalDataFields.replaceEncrypted(tree, text -> {
            sealed.add(text);
            return text;
        });
        if (sealed.isEmpty()) {
            return body;
        }
        Map<String, String> opened = open(sealed, request);
        PersonalDataFields.replaceEncrypted(tree, opened::get);
        return tree;
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the answer", e);
        }
    }

    private JsonNode read(byte[] written) {
        try {
            return json.readTree(written);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not read the answer back", e);
        }
    }

    private String openInText(String text, ServerHttpRequest request) {
        Set<String> sealed = new LinkedHashSet<>();
        Matcher matcher = EncryptedText.TOKEN.matcher(text);
        while (matcher.find()) {
            sealed.add(matcher.group());
        }
        Map<String, String> opened = open(sealed, request);
        StringBuilder result = new StringBuilder();
        matcher.reset();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(opened.getOrDefault(matcher.group(), UNAVAILABLE)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private Map<String, String> open(Set<String> sealed, ServerHttpRequest request) {
        Map<String, List<String>> byHolder = new LinkedHashMap<>();
        sealed.forEach(text -> byHolder.computeIfAbsent(EncryptedText.parse(text).map(EncryptedText::holder).orElse(""), holder -> new ArrayList<>())
                .add(text));
        Map<String, String> forwarded = forwardedHeaders(request);
        Map<String, String> opened = new HashMap<>();
        byHolder.forEach((holder, texts) -> {
            Map<String, OpenedText> answers = holder.isEmpty() ? Map.of() : holders.open(holder, texts, forwarded);
            texts.forEach(text -> opened.put(text, readable(Optional.ofNullable(answers.get(text)))));
        });
        return opened;
    }

    private static String readable(Optional<OpenedText> answer) {
        if (answer.isEmpty()) {
            return UNAVAILABLE;
        }
        return switch (answer.get().state()) {
            case OPEN -> answer.get().text();
            case ERASED -> PersonalDataSerializer.ERASED;
            case NOT_PERMITTED, UNKNOWN -> UNAVAILABLE;
        };
    }

    private static Map<String, String> forwardedHeaders(ServerHttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest original = servlet.getServletRequest();
            copy(original, HttpHeaders.AUTHORIZATION, headers);
            copy(original, CallerResolver.ROLE_HEADER, headers);
            // The holder logs the opening like a read, with the purpose the reader gave.
            copy(original, AccessLog.PURPOSE_HEADER, headers);
        }
        return headers;
    }

    private static void copy(HttpServletRequest request, String name, Map<String, String> headers) {
        String value = request.getHeader(name);
        if (value != null) {
            headers.put(name, value);
        }
    }
}
