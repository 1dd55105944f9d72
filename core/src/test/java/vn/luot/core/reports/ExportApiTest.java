package vn.luot.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.support.TestServer;

/** Exports of a small served morning: read back, they hold the Vietnamese words and the JSON's figures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Report exports: CSV with BOM, XLSX read back with fastexcel-reader, the monthly PDF's text")
class ExportApiTest {
    private static final String DAY = "2026-11-26";
    private TestServer server;
    private String manager;
    private JsonObject summary;

    @BeforeAll
    void serveAMorning() {
        server = TestServer.start();
        manager = server.newStaff("manager");
        server.open(2, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        for (int i = 0; i < 3; i++) {
            server.issue("hac-thanh", "chung-thuc");
            server.issue("hac-thanh", "ho-tich");
        }
        for (int i = 0; i < 2; i++) {
            server.clock().advance(Duration.ofMinutes(7));
            for (int counter : new int[] {2, 3}) {
                assertThat(server.act(counter, "call-next", manager).status()).isEqualTo(200);
            }
            server.clock().advance(Duration.ofMinutes(6));
            for (int counter : new int[] {2, 3}) {
                assertThat(server.act(counter, "complete", manager).status()).isEqualTo(200);
            }
        }
        summary = server.api().get("/api/v1/reports/summary?from=" + DAY + "&to=" + DAY + "&groupBy=service",
                "Authorization", "Bearer " + manager, "Accept-Language", "vi").json();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonObject request(String kind, String format) {
        return new JsonObject().put("kind", kind).put("format", format).put("from", DAY).put("to", DAY)
                .put("groupBy", "service").put("lang", "vi");
    }

    @Test
    @DisplayName("The summary as CSV starts with a BOM, is UTF-8, and holds each figure's name, the JSON's value and its definition")
    void summaryCsv() {
        Exports.Download file = Exports.run(server.api(), manager, request("summary", "csv"));
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(file.job().getLong("rowsWritten")).isEqualTo(1);
        assertThat(file.job().getLong("rowsTotal")).isEqualTo(1);
        assertThat(file.body()).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file.body(), StandardCharsets.UTF_8).substring(1);
        Map<String, String> rows = text.lines().map(line -> line.split(",", 3)).filter(cells -> cells.length == 3)
                .collect(Collectors.toMap(cells -> cells[0], cells -> cells[1], (a, b) -> a));

        assertThat(text).contains("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        assertThat(rows.get("Số phiếu đã cấp")).isEqualTo("6");
        assertThat(rows.get("Đã phục vụ xong")).isEqualTo(summary.getJsonObject("total").getLong("served").toString());
        assertThat(rows.get("Thời gian chờ trung bình"))
                .isEqualTo(plain(summary.getJsonObject("total").getDouble("waitMeanMinutes")));
        assertThat(text).contains(summary.getJsonObject("definitions").getString("waitP90Minutes").split(",")[0]);
        assertThat(text).contains("Chứng thực", "Hộ tịch");
    }

    @Test
    @DisplayName("The summary as XLSX holds the same figures as the JSON, and the groups by service")
    void summaryXlsx() throws IOException {
        Exports.Download file = Exports.run(server.api(), manager, request("summary", "xlsx"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
            List<Row> figures = workbook.findSheet("Tổng hợp").orElseThrow().read();
            Map<String, Row> byName = figures.stream().filter(r -> r.getCellCount() >= 3 && r.getCell(0) != null)
                    .collect(Collectors.toMap(r -> r.getCellText(0), r -> r, (a, b) -> a));
            JsonObject total = summary.getJsonObject("total");
            assertThat(byName.get("Số phiếu đã cấp").getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(6);
            assertThat(byName.get("Thời gian chờ trung bình").getCellAsNumber(1).orElseThrow().doubleValue())
                    .isEqualTo(total.getDouble("waitMeanMinutes"));
            assertThat(byName.get("Tỷ lệ được gọi trong thời gian chờ mục tiêu").getCellAsNumber(1).orElseThrow()
                    .doubleValue()).isEqualTo(total.getDouble("withinTargetShare"));
            assertThat(byName.get("Thời gian chờ trung bình").getCellText(2))
                    .isEqualTo(summary.getJsonObject("definitions").getString("waitMeanMinutes"));
            List<Row> groups = workbook.findSheet("Theo nhóm").orElseThrow().read();
            assertThat(groups).extracting(r -> r.getCellText(0)).contains("Dịch vụ", "Chứng thực", "Hộ tịch");
        }
    }

    @Test
    @DisplayName("Every ticket as CSV and XLSX: one row each, with the service's Vietnamese name, status and wait")
    void ticketRows() throws IOException {
        Exports.Download csv = Exports.run(server.api(), manager, request("tickets", "csv"));
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("Số thứ tự,Ngày phục vụ,Điểm tiếp nhận,Dịch vụ,Kênh lấy số,Trạng thái");
        assertThat(lines).anyMatch(l -> l.startsWith("A001,2026-11-26,") && l.contains(",Chứng thực,Máy lấy số,"
                + "Đã phục vụ xong,2026-11-26 08:30:00,2026-11-26 08:37:00,"));
        assertThat(csv.job().getLong("rowsWritten")).isEqualTo(6);
        assertThat(csv.job().getDouble("progress")).isEqualTo(1.0);

        Exports.Download xlsx = Exports.run(server.api(), manager, request("tickets", "xlsx"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.findSheet("Phiếu").orElseThrow();
            List<Row> rows = sheet.read();
            assertThat(rows).hasSize(7);
            Row a001 = rows.stream().filter(r -> "A001".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(a001.getCellText(3)).isEqualTo("Chứng thực");
            assertThat(a001.getCellText(5)).isEqualTo("Đã phục vụ xong");
            assertThat(a001.getCellAsNumber(12).orElseThrow().doubleValue()).isEqualTo(7.0);
        }
    }

    @Test
    @DisplayName("The monthly PDF has one page whose text extracts with the right diacritics")
    void monthlyPdf() throws IOException {
        Exports.Download pdf = Exports.run(server.api(), manager, new JsonObject().put("kind", "monthly")
                .put("format", "pdf").put("month", "2026-11").put("lang", "vi"));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Trung tâm Phục vụ hành chính công phường Hạc Thành",
                    "Báo cáo tình hình tiếp nhận và trả kết quả tháng 11/2026", "Thời gian chờ trung bình",
                    "Số phiếu đã cấp", "Điểm hài lòng trung bình", "Chứng thực", "Hộ tịch");
        } finally {
            reader.close();
        }
    }

    @Test
    @DisplayName("Exports are for managers, and a wrong kind, format or month is a clear 400; an unknown export a 404")
    void badRequests() {
        String operator = server.newStaff("operator");
        assertThat(server.api().post("/api/v1/reports/exports", request("tickets", "csv")).status()).isEqualTo(401);
        assertThat(server.api().post("/api/v1/reports/exports", request("tickets", "csv"), bearer(operator)).status())
                .isEqualTo(403);
        assertThat(post(request("everything", "csv")).error()).isEqualTo("invalid_field");
        assertThat(post(request("tickets", "pdf")).json().getString("message")).contains("format");
        assertThat(post(new JsonObject().put("kind", "monthly").put("format", "pdf").put("month", "11/2026"))
                .status()).isEqualTo(400);
        assertThat(post(request("summary", "xlsx").put("siteId", "nowhere")).status()).isEqualTo(400);
        assertThat(server.api().get("/api/v1/reports/exports/" + java.util.UUID.randomUUID(), bearer(manager))
                .error()).isEqualTo("export_not_found");
    }

    private vn.luot.core.support.ApiClient.Response post(JsonObject body) {
        return server.api().post("/api/v1/reports/exports", body, bearer(manager));
    }

    private static String plain(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }
}
