package nl.meldspoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

    private static final int LIMIT = 1024;

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, json);
    private final AtomicBoolean handled = new AtomicBoolean();

    /** Reads the whole body, as a message converter would, and answers 200. */
    private final HttpServlet readsBody = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            handled.set(true);
            response.setStatus(200);
        }
    };

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeAnythingReadsIt() throws Exception {
        MockHttpServletRequest request = post(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain(readsBody));

        assertThat(handled).isFalse();
        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyThatGrowsBeyondTheLimitIsRefusedWith413WhileItIsRead() throws Exception {
        MockHttpServletRequest request = chunked(new byte[LIMIT * 4]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain(readsBody));

        assertThat(handled).isFalse();
        assertTooLarge(response);
    }

    @Test
    void bodiesWithinTheLimitPassWithAndWithoutALength() throws Exception {
        MockHttpServletResponse declared = new MockHttpServletResponse();
        filter.doFilter(post(new byte[LIMIT]), declared, new MockFilterChain(readsBody));
        assertThat(declared.getStatus()).isEqualTo(200);

        handled.set(false);
        MockHttpServletResponse chunked = new MockHttpServletResponse();
        filter.doFilter(chunked(new byte[LIMIT]), chunked, new MockFilterChain(readsBody));
        assertThat(chunked.getStatus()).isEqualTo(200);
        assertThat(handled).isTrue();
    }

    private void assertTooLarge(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("rule").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains("te groot", "1 kB");
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** A body sent with Transfer-Encoding: chunked has no declared length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }
}
