package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;

@DisplayName("Security headers on every answer")
class SecurityHeadersTest extends ServerPerClassTest {

    @Test
    @DisplayName("Pages, API answers and error answers all carry the CSP, nosniff, no framing and no referrer")
    void everyAnswerCarriesThem() {
        List<Response> answers = List.of(server.api().get("/"), server.api().get("/kiosk/"),
                server.api().get("/api/v1/sites"), server.api().get("/api/v1/nothing-here"),
                server.api().get("/api/v1/tickets/not-a-ticket"));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.header("X-Frame-Options")).hasValue("DENY");
            assertThat(r.header("Referrer-Policy")).hasValue("no-referrer");
        });
    }

    @Test
    @DisplayName("A page from another origin gets no CORS permission to call the API")
    void noCors() {
        Response preflight = server.api().send("OPTIONS", "/api/v1/tickets", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        Response simple = server.api().get("/api/v1/sites", "Origin", "https://evil.example");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(simple.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
