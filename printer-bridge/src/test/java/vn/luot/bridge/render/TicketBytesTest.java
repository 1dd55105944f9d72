package vn.luot.bridge.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.bridge.config.BridgeConfig.TextMode;
import vn.luot.bridge.support.EscPosReader;
import vn.luot.bridge.support.PrintedTicket;

@DisplayName("A ticket's ESC/POS bytes, read back with the test's ESC/POS reader")
class TicketBytesTest {

    private static JsonObject job() {
        return new JsonObject().put("jobId", "0b0e7a7e-1111-4222-8333-444455556666").put("number", "C105")
                .put("serviceDay", "2026-11-26").put("issuedAt", "2026-11-26T14:05:00+07:00")
                .put("centre", new JsonObject().put("vi", "Trung tâm Phục vụ hành chính công phường Hạc Thành")
                        .put("en", "Hạc Thành ward public service centre"))
                .put("site", new JsonObject().put("id", "tinh").put("name", new JsonObject()
                        .put("vi", "Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh")
                        .put("en", "Reception point at the provincial centre")))
                .put("service", new JsonObject().put("id", "dat-dai").put("name", new JsonObject()
                        .put("vi", "Đất đai").put("en", "Land and land-use certificates")))
                .put("position", 7).put("estimatedWaitMinutes", null)
                .put("trackingUrl", "https://luot.example.vn/t/0b0e7a7e-1111-4222-8333-444455556666");
    }

    private static PrintedTicket print(TextMode mode, int width, JsonObject job) {
        byte[] bytes = new EscPosTicket(mode, 52, width).bytes(TicketLayout.of(TicketContent.of(job), false));
        List<PrintedTicket> tickets = EscPosReader.tickets(EscPosReader.readAll(bytes),
                mode == TextMode.CP1258 ? Charset.forName("windows-1258") : null);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    @Test
    @DisplayName("In raster mode the text is images, the number is ASCII at eight times size, the QR holds the link, and it ends with a partial cut")
    void rasterTicket() {
        PrintedTicket ticket = print(TextMode.RASTER, 576, job());

        assertThat(ticket.largestText()).isEqualTo("C105");
        assertThat(ticket.largestMagnification()).isEqualTo(8);
        assertThat(ticket.texts()).extracting(PrintedTicket.TextRun::text).containsOnly("C105");
        assertThat(ticket.qrPayloads()).containsExactly("https://luot.example.vn/t/0b0e7a7e-1111-4222-8333-444455556666");
        assertThat(ticket.images()).isEqualTo(3);
        assertThat(ticket.codeTable()).isNull();
        assertThat(ticket.cut()).isEqualTo(49);
    }

    @Test
    @DisplayName("On 58 mm paper (384 dots) the number is as large as still fits the width")
    void numberFitsNarrowPaper() {
        PrintedTicket ticket = print(TextMode.RASTER, 384, job().put("number", "AB123"));

        assertThat(ticket.largestText()).isEqualTo("AB123");
        assertThat(ticket.largestMagnification()).isEqualTo(6);
    }

    @Test
    @DisplayName("In CP1258 mode the printer is switched to its code page 1258 and every Vietnamese line reads back exactly")
    void codePageTicket() {
        PrintedTicket ticket = print(TextMode.CP1258, 576, job());
        String text = Normalizer.normalize(ticket.allText(), Normalizer.Form.NFC);

        assertThat(ticket.codeTable()).isEqualTo(52);
        assertThat(ticket.images()).isZero();
        assertThat(text).contains("Trung tâm Phục vụ hành chính công phường Hạc Thành", "Đất đai",
                "Số người đang chờ phía trước: 7", "People ahead of you: 7",
                "Thời gian chờ dự kiến: chưa có quầy mở", "Ngày 26/11/2026, lúc 14:05", "Quét mã QR");
        assertThat(ticket.largestText()).isEqualTo("C105");
    }

    @Test
    @DisplayName("A ticket the counters will not reach before closing tells the citizen to come back another day, Vietnamese first")
    void comeBackAnotherDay() {
        PrintedTicket ticket = print(TextMode.CP1258, 576, job().put("notBeforeClosing", true));
        String text = Normalizer.normalize(ticket.allText(), Normalizer.Form.NFC).replaceAll("\\s+", " ");

        assertThat(text).contains("Dự kiến hôm nay không kịp đến lượt",
                "Mời công dân quay lại vào ngày làm việc khác", "Please come back another working day")
                .doesNotContain("chưa có quầy mở");
        assertThat(text.indexOf("quay lại")).isLessThan(text.indexOf("come back"));
    }

    @Test
    @DisplayName("A job that lacks what a ticket needs is refused before anything is printed")
    void incompleteJobIsRefused() {
        JsonObject broken = job();
        broken.remove("issuedAt");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TicketContent.of(broken))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
