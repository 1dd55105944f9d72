package vn.luot.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.LiveSocket;
import vn.luot.core.support.ServerPerTest;
import vn.luot.core.support.TestServer;

/**
 * Walks every public GET route of the API description and every public stream while tickets carry a
 * desk note with a name and an ID number, a phone number, and a booking with a citizen's name: none of
 * it may appear anywhere the public can look.
 */
@DisplayName("Public routes and streams carry no personal data")
class PublicViewsTest extends ServerPerTest {
    private static final String NOTE = "Nguyễn Văn An, CCCD 038123456789";
    private static final String PHONE = "0987 654 321";
    private static final String BOOKED_NAME = "Trần Thị Bình";
    private static final String PROCEDURE = "Đăng ký khai sinh cho con";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");

    @Test
    @DisplayName("No public route or stream shows a desk note, a phone number, a booking name, procedure or code")
    void nothingPersonalInPublic() throws Exception {
        String operator = server.newStaff("operator");
        try (LiveSocket hall = LiveSocket.open(server.wsUrl("/ws/sites/hac-thanh"));
             LiveSocket otherHall = LiveSocket.open(server.wsUrl("/ws/sites/tinh"))) {
            JsonObject booking = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                    .put("serviceId", "chung-thuc").put("slotStart", "2026-11-26T09:00:00+07:00")
                    .put("name", BOOKED_NAME).put("phone", "+84 912 345 678").put("procedure", PROCEDURE)).json();
            String code = booking.getString("code");
            JsonObject booked = server.api().post("/api/v1/bookings/" + code + "/check-in", null,
                    TestServer.bearer(operator)).json().getJsonObject("ticket");
            JsonObject noted = server.issue(new JsonObject().put("siteId", "hac-thanh").put("serviceId", "ho-tich")
                    .put("channel", "desk").put("note", NOTE).put("phone", PHONE));
            try (LiveSocket phone = LiveSocket.open(server.wsUrl("/ws/tickets/" + noted.getString("id")));
                 LiveSocket bookedPhone = LiveSocket.open(server.wsUrl("/ws/tickets/" + booked.getString("id")))) {
                server.open(3, operator, "ho-tich");
                server.act(3, "call-next", operator);
                server.open(1, operator, "chung-thuc");
                server.act(1, "call-next", operator);
                server.api().post("/api/v1/counters/3/transfer", new JsonObject().put("siteId", "tinh")
                        .put("note", NOTE), TestServer.bearer(operator));
                hall.send(new JsonObject().put("type", "resync"));
                hall.nextMatching(m -> "snapshot".equals(m.getString("type")));

                List<String> seen = new ArrayList<>();
                for (LiveSocket stream : List.of(hall, otherHall, phone, bookedPhone)) {
                    stream.drain().forEach(m -> seen.add(m.encode()));
                }
                Map<String, List<String>> values = Map.of(
                        "siteId", List.of("hac-thanh", "tinh"),
                        "ticketId", List.of(noted.getString("id"), booked.getString("id")),
                        "counterId", List.of("1", "3", "21"),
                        "printerId", List.of("kiosk-1", "desk-hac-thanh"));
                for (String path : publicGetPaths()) {
                    for (String concrete : expand(path, values)) {
                        Response r = server.api().get(concrete);
                        seen.add(concrete + " -> " + r.status() + " " + r.body());
                    }
                }

                List<String> personal = List.of("038123456789", "Nguyễn Văn An", "987 654 321", "0987654321",
                        "912 345 678", "0912345678", BOOKED_NAME, PROCEDURE, code, noted.getString("holderSecret"));
                List<String> leaks = seen.stream().filter(text -> personal.stream().anyMatch(text::contains)).toList();

                assertThat(seen).hasSizeGreaterThan(20);
                assertThat(leaks).as("public answers and messages with personal data").isEmpty();
            }
        }
    }

    /** The GET operations of the API description that ask for no staff token, WebSockets aside. */
    private List<String> publicGetPaths() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(server.api().get("/api/v1/openapi.yaml").body()).path("paths");
        List<String> found = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().path("get");
            // The API description itself is left out: its examples are made-up names and numbers.
            if (!get.isMissingNode() && !get.has("security") && !path.getKey().startsWith("/ws/")
                    && !path.getKey().equals("/api/v1/openapi.yaml")) {
                found.add(path.getKey());
            }
        });
        assertThat(found).contains("/api/v1/tickets/{ticketId}", "/api/v1/counters", "/api/v1/sites/{siteId}");
        return found;
    }

    private static List<String> expand(String path, Map<String, List<String>> values) {
        Matcher m = PATH_PARAM.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        List<String> all = new ArrayList<>();
        for (String value : values.getOrDefault(m.group(1), List.of("x"))) {
            all.addAll(expand(path.substring(0, m.start()) + value + path.substring(m.end()), values));
        }
        return all;
    }
}
