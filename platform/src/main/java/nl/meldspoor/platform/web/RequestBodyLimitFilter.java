package nl.meldspoor.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above the configured limit with 413 before anything parses it: at once when the
 * declared Content-Length is too large, and while reading when the body comes without a length (chunked),
 * by counting the bytes as they arrive. Runs before security, so an anonymous flood is refused as cheaply.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final String RULE = "REQUEST_TOO_LARGE";

    private final long maxBytes;
    private final ObjectMapper objectMapper;

    public RequestBodyLimitFilter(long maxBytes, ObjectMapper objectMapper) {
        this.maxBytes = maxBytes;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, new RequestTooLargeException(maxBytes));
            return;
        }
        HttpServletRequest limited = declared >= 0 ? request : new CountingRequest(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | RuntimeException e) {
            // A chunked body that grew too large outside Spring MVC's exception handling still gets its 413.
            RequestTooLargeException tooLarge = find(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(response, tooLarge);
        }
    }

    static RequestTooLargeException find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    static ProblemDetail problem(RequestTooLargeException tooLarge) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, RULE, "Verzoek te groot", tooLarge.detail());
        problem.setProperty("maxBytes", tooLarge.limitBytes());
        return problem;
    }

    private void refuse(HttpServletResponse response, RequestTooLargeException tooLarge) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The rest of the body is not read; the connection is closed instead of draining it.
        response.setHeader("Connection", "close");
        objectMapper.writeValue(response.getOutputStream(), problem(tooLarge));
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
