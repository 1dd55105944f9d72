package vn.luot.core.printing;

import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.printing.TicketPrint;

/**
 * A print job as stored and as sent to the bridge. Times carry the centre's offset
 * ({@code 2026-11-26T08:30:05+07:00}), so the bridge prints the hall's local time without a time zone
 * database of its own.
 */
public final class PrintJobJson {
    private final ZoneId zone;

    public PrintJobJson(ZoneId zone) {
        this.zone = zone;
    }

    public JsonObject payload(TicketPrint print) {
        return new JsonObject()
                .put("jobId", print.jobId().toString())
                .put("printerId", print.printerId())
                .put("ticketId", print.ticketId().toString())
                .put("number", print.number())
                .put("serviceDay", print.serviceDay().toString())
                .put("issuedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(print.issuedAt().atZone(zone)))
                .put("centre", name(print.centre()))
                .put("site", new JsonObject().put("id", print.siteId()).put("name", name(print.site())))
                .put("service", new JsonObject().put("id", print.serviceId()).put("name", name(print.service())))
                .put("priority", print.priority() == null ? null : new JsonObject().put("name", name(print.priority())))
                .put("position", print.position())
                .put("estimatedWaitMinutes", print.estimatedWaitMinutes())
                .put("notBeforeClosing", print.notBeforeClosing())
                .put("trackingUrl", print.trackingUrl());
    }

    private static JsonObject name(LocalizedText text) {
        return new JsonObject().put("vi", text.vi()).put("en", text.en());
    }
}
