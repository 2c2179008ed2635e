package io.spikelot.api.auth;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.api.problem.Problems;
import io.spikelot.model.artifact.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates every request under {@code /api/}: {@code Authorization: Bearer <key>}. A tenant key may use the
 * public API only; the worker token may use {@code /api/v1/internal/} only. Health, metrics and API docs are open.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String INTERNAL_PREFIX = "/api/v1/internal/";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final List<String> workerTokenHashes;
    private final JsonMapper json;

    ApiKeyFilter(ApiKeys apiKeys, ApiProperties properties, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.workerTokenHashes =
                properties.workerTokens().stream().map(Sha256::hex).toList();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !routedPath(request).startsWith("/api/");
    }

    /**
     * The path as the servlet container routes it: decoded, normalized, without {@code ;parameters}. The raw
     * request URI would let {@code /api;x/...} or {@code /%61pi/...} past a prefix check and still reach the API.
     */
    private static String routedPath(HttpServletRequest request) {
        return request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(response, ProblemType.UNAUTHORIZED, "Send 'Authorization: Bearer <API key>' with a valid key");
            return;
        }
        boolean internal = routedPath(request).startsWith(INTERNAL_PREFIX);
        boolean worker = caller.get() instanceof Caller.Worker;
        if (internal != worker) {
            write(
                    response,
                    ProblemType.FORBIDDEN,
                    worker ? "The worker credential can only report on jobs" : "This endpoint is for workers only");
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private Optional<Caller> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String key = header.substring(BEARER.length()).trim();
        if (key.isEmpty() || key.length() > 512) {
            return Optional.empty();
        }
        String hash = Sha256.hex(key);
        // every accepted token is compared, so the time taken does not tell which one matched
        boolean worker = false;
        for (String accepted : workerTokenHashes) {
            worker |= Sha256.same(accepted, hash);
        }
        if (worker) {
            return Optional.of(new Caller.Worker());
        }
        return apiKeys.tenantOf(key).map(Caller.Tenant::new);
    }

    private void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        ProblemDetail problem = Problems.of(type, detail);
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
