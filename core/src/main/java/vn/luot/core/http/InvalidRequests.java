package vn.luot.core.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import vn.luot.core.domain.Problem;
import vn.luot.core.i18n.Messages;

/**
 * Requests the HTTP decoder could not read (a request line too long, headers too large, something
 * that is not HTTP) get the same {@code {error, message}} body as every other refusal, instead of
 * Vert.x's bare status, and the connection is closed after it. Nothing is logged: a client's mistake.
 */
final class InvalidRequests {
    private InvalidRequests() {
    }

    /** A percent sign not followed by two hex digits: the router cannot even match such a path. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** For the server's invalid request handler. */
    static void answer(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        refuse(request, cause instanceof TooLongHttpLineException ? Problem.URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? Problem.HEADERS_TOO_LARGE
                : Problem.MALFORMED_REQUEST);
    }

    /** True when the request was refused here because its path cannot be decoded. */
    static boolean refusedMalformedPath(HttpServerRequest request) {
        String path = request.path();
        if (path != null && BAD_ESCAPE.matcher(path).find()) {
            refuse(request, Problem.MALFORMED_REQUEST);
            return true;
        }
        return false;
    }

    private static void refuse(HttpServerRequest request, Problem problem) {
        String language;
        try {
            language = request.getHeader("Accept-Language");
        } catch (RuntimeException e) {
            language = null;
        }
        JsonObject body = new JsonObject().put("error", problem.code())
                .put("message", Messages.problem(problem, Messages.pick(Messages.languages(language))));
        request.response()
                .setStatusCode(ProblemStatus.of(problem))
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Connection", "close")
                .end(body.encode());
    }
}
