package vn.luot.bridge.render;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A print job as the core sends it: everything the ticket shows, in Vietnamese and English.
 *
 * @param issuedAt             with the centre's own offset (+07:00), so it prints the hall's local time
 * @param priorityVi           null for the normal queue
 * @param estimatedWaitMinutes null when no counter was open for the service, or it would not be reached today
 * @param notBeforeClosing     counters serve it, but would not reach it before the site closes today
 */
public record TicketContent(String jobId, String number, LocalDate serviceDay, OffsetDateTime issuedAt,
                            String centreVi, String centreEn, String siteVi, String siteEn, String serviceVi,
                            String serviceEn, String priorityVi, String priorityEn, Integer position,
                            Integer estimatedWaitMinutes, String trackingUrl, boolean notBeforeClosing) {

    public TicketContent {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
    }

    /** Reads a job; a job that lacks what a ticket needs is refused with {@link IllegalArgumentException}. */
    public static TicketContent of(JsonObject job) {
        try {
            JsonObject priority = job.getJsonObject("priority");
            return new TicketContent(job.getString("jobId"), job.getString("number"),
                    LocalDate.parse(job.getString("serviceDay")), OffsetDateTime.parse(job.getString("issuedAt")),
                    name(job.getJsonObject("centre"), "vi"), name(job.getJsonObject("centre"), "en"),
                    name(job.getJsonObject("site").getJsonObject("name"), "vi"),
                    name(job.getJsonObject("site").getJsonObject("name"), "en"),
                    name(job.getJsonObject("service").getJsonObject("name"), "vi"),
                    name(job.getJsonObject("service").getJsonObject("name"), "en"),
                    priority == null ? null : name(priority.getJsonObject("name"), "vi"),
                    priority == null ? null : name(priority.getJsonObject("name"), "en"),
                    job.getInteger("position"), job.getInteger("estimatedWaitMinutes"), job.getString("trackingUrl"),
                    job.getBoolean("notBeforeClosing", false));
        } catch (NullPointerException | ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException("the job lacks what a ticket needs: " + e.getMessage(), e);
        }
    }

    private static String name(JsonObject names, String lang) {
        String text = names.getString(lang);
        return text == null ? "" : text;
    }
}
