package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.ServerPerClassTest;
import vn.luot.core.support.TestServer;

/** Real answers of the server, successes and refusals, checked against the schemas of the API description. */
@DisplayName("The server answers what openapi.yaml says")
class OpenApiResponsesTest extends ServerPerClassTest {

    @Test
    @DisplayName("Tickets, counters, sites, logins and refusals match their documented schemas")
    void answersMatchTheDocument() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(server.api().get("/api/v1/openapi.yaml").body())
                // allOf resolved into one schema first: the validator mishandles "nullable" inside combinators.
                .withResolveRefs(true).withResolveCombinators(true).build();
        String operator = server.newStaff("operator");
        List<String> problems = new ArrayList<>();
        JsonObject issued = server.issue("hac-thanh", "chung-thuc");
        String id = issued.getString("id");

        check(validator, problems, "POST", "/api/v1/tickets", server.api().post("/api/v1/tickets",
                new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich")));
        check(validator, problems, "GET", "/api/v1/tickets/" + id, server.api().get("/api/v1/tickets/" + id));
        check(validator, problems, "GET", "/api/v1/sites", server.api().get("/api/v1/sites"));
        check(validator, problems, "GET", "/api/v1/sites/hac-thanh", server.api().get("/api/v1/sites/hac-thanh"));
        check(validator, problems, "GET", "/api/v1/sites/hac-thanh/queues", server.api().get("/api/v1/sites/hac-thanh/queues"));
        check(validator, problems, "GET", "/api/v1/services", server.api().get("/api/v1/services"));
        check(validator, problems, "GET", "/api/v1/counters", server.api().get("/api/v1/counters"));
        check(validator, problems, "POST", "/api/v1/counters/1/open", server.api().post("/api/v1/counters/1/open",
                new JsonObject().put("services", new io.vertx.core.json.JsonArray().add("chung-thuc")),
                TestServer.bearer(operator)));
        check(validator, problems, "POST", "/api/v1/counters/1/call-next", server.act(1, "call-next", operator));
        check(validator, problems, "GET", "/api/v1/counters/1", server.api().get("/api/v1/counters/1"));
        check(validator, problems, "POST", "/api/v1/auth/login", server.api().post("/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)));
        check(validator, problems, "POST", "/api/v1/auth/login", server.api().post("/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", "wrong-password")));
        check(validator, problems, "GET", "/api/v1/tickets/" + java.util.UUID.randomUUID(),
                server.api().get("/api/v1/tickets/" + java.util.UUID.randomUUID()));
        check(validator, problems, "POST", "/api/v1/tickets", server.api().post("/api/v1/tickets",
                new JsonObject().put("siteId", "hac-thanh").put("serviceId", "no-such-service")));
        check(validator, problems, "POST", "/api/v1/tickets/" + id + "/cancel",
                server.api().post("/api/v1/tickets/" + id + "/cancel", null));

        assertThat(problems).isEmpty();
    }

    private static void check(OpenApiInteractionValidator validator, List<String> problems, String method, String path,
                              Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status())
                .withContentType(response.header("Content-Type").orElse("application/json"));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path.replaceAll("\\?.*", ""),
                Request.Method.valueOf(method), answer.build());
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(method + " " + path + " " + response.status() + ": " + m.getMessage()));
    }
}
