package vn.luot.core.http;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.report.Figures;
import vn.luot.core.domain.report.GroupBy;
import vn.luot.core.domain.report.HourLoad;
import vn.luot.core.domain.report.Kpi;
import vn.luot.core.domain.report.ReportQuery;
import vn.luot.core.domain.report.Summary;
import vn.luot.core.i18n.Messages;
import vn.luot.core.reports.ExportService;
import vn.luot.core.reports.ReportService;
import vn.luot.core.reports.export.ExportFormat;
import vn.luot.core.reports.export.ExportKind;
import vn.luot.core.store.Command;
import vn.luot.core.store.ExportStore;
import vn.luot.core.store.ExportStore.ExportJob;

/** Managers' reports: parse the range, ask the report service, answer with figures and their definitions. */
public final class ReportHandler {
    private final ReportService reports;
    private final ExportService exports;

    public ReportHandler(ReportService reports, ExportService exports) {
        this.reports = reports;
        this.exports = exports;
    }

    /**
     * {@code POST /api/v1/reports/exports}: starts an export (summary or tickets as CSV or XLSX, the month
     * as PDF) and answers 202 with its job; the page follows its progress and then downloads the file.
     */
    public void startExport(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        String kindName = body.requiredText("kind");
        ExportKind kind = ExportKind.fromWire(kindName)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "kind", FieldRule.EXPORT_KIND));
        String formatName = body.requiredText("format");
        ExportFormat format = ExportFormat.fromWire(formatName)
                .filter(f -> (f == ExportFormat.PDF) == (kind == ExportKind.MONTHLY))
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "format", FieldRule.EXPORT_FORMAT));
        MultiMap fields = MultiMap.caseInsensitiveMultiMap();
        for (String name : new String[] {"from", "to", "siteId", "serviceId", "groupBy"}) {
            String value = body.optionalText(name);
            if (value != null) {
                fields.add(name, value);
            }
        }
        if (kind == ExportKind.MONTHLY) {
            YearMonth month = month(body.requiredText("month"));
            fields.set("from", month.atDay(1).toString());
            fields.set("to", month.atEndOfMonth().toString());
            fields.set("groupBy", GroupBy.DAY.wireName());
        }
        ReportQuery query = query(fields);
        String lang = body.optionalText("lang");
        Locale locale = Languages.of(ctx, lang);
        Command command = Idempotency.command(ctx, "report-export", body);
        reports.check(query)
                .compose(checked -> exports.start(new ExportService.ExportRequest(kind, format, query, locale, command)))
                .onSuccess(job -> Replies.json(ctx, 202, job(job)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/reports/exports/{id}}: its state and progress, whichever node writes it. */
    public void exportStatus(RoutingContext ctx) {
        exportJob(ctx).onSuccess(job -> Replies.ok(ctx, job(job))).onFailure(ctx::fail);
    }

    /**
     * {@code GET /api/v1/reports/exports/{id}/file}: the finished file, as an attachment, streamed from the
     * database a part at a time. A failure once the file has begun can no longer become an error answer:
     * the connection is reset, so the browser sees a broken download rather than a short file.
     */
    public void exportFile(RoutingContext ctx) {
        exportJob(ctx).compose(job -> {
            if (job.state() != ExportStore.State.DONE) {
                throw new QueueException(Problem.EXPORT_NOT_READY, job.id(), job.state().name().toLowerCase(Locale.ROOT));
            }
            ctx.response()
                    .putHeader("Content-Type", ExportFormat.fromWire(job.format()).orElseThrow().contentType())
                    .putHeader("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Length", String.valueOf(job.fileBytes()));
            return exports.copyFile(job.id(), ctx.response());
        }).compose(copied -> ctx.response().end()).onFailure(e -> {
            if (ctx.response().headWritten()) {
                ctx.response().reset();
            } else {
                ctx.fail(e);
            }
        });
    }

    private Future<ExportJob> exportJob(RoutingContext ctx) {
        String raw = ctx.pathParam("exportId");
        UUID id;
        try {
            id = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new QueueException(Problem.EXPORT_NOT_FOUND, raw));
        }
        return exports.job(id).map(found -> found.orElseThrow(() -> new QueueException(Problem.EXPORT_NOT_FOUND, raw)));
    }

    private static JsonObject job(ExportJob job) {
        long total = job.rowsTotal();
        double progress = job.state() == ExportStore.State.DONE ? 1.0
                : total == 0 ? 0.0 : Math.min(0.99, (double) job.rowsWritten() / total);
        return new JsonObject()
                .put("id", job.id().toString())
                .put("kind", job.kind())
                .put("format", job.format())
                .put("state", job.state().name().toLowerCase(Locale.ROOT))
                .put("rowsWritten", job.rowsWritten())
                .put("rowsTotal", total)
                .put("progress", Math.floor(progress * 1000) / 1000)
                .put("fileName", job.fileName())
                .put("file", "/api/v1/reports/exports/" + job.id() + "/file");
    }

    private static YearMonth month(String raw) {
        try {
            return YearMonth.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, "month", FieldRule.MONTH);
        }
    }

    /** {@code GET /api/v1/reports/summary?from&to&siteId&serviceId&groupBy}. */
    public void summary(RoutingContext ctx) {
        ReportQuery query = query(ctx.queryParams());
        Locale locale = locale(ctx);
        reports.summary(query)
                .onSuccess(summary -> Replies.ok(ctx, json(query, summary, locale)))
                .onFailure(ctx::fail);
    }

    static ReportQuery query(MultiMap params) {
        String group = params.get("groupBy");
        GroupBy groupBy = group == null || group.isBlank() ? GroupBy.DAY : GroupBy.fromWire(group)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "groupBy", FieldRule.GROUP_BY));
        return new ReportQuery(date(params, "from"), date(params, "to"), blankToNull(params.get("siteId")),
                blankToNull(params.get("serviceId")), groupBy);
    }

    /** {@code ?lang=en} or {@code ?lang=vi} when given (the pages pass theirs), else Accept-Language. */
    static Locale locale(RoutingContext ctx) {
        return Languages.of(ctx, ctx.queryParams().get("lang"));
    }

    static JsonObject json(ReportQuery query, Summary summary, Locale locale) {
        JsonObject definitions = new JsonObject();
        JsonObject labels = new JsonObject();
        for (Kpi kpi : Kpi.values()) {
            labels.put(kpi.key(), Messages.report("label." + kpi.key(), locale));
            definitions.put(kpi.key(), Messages.report(kpi.definitionKey(), locale));
        }
        definitions.put("hours", Messages.report("kpi.hours", locale));
        labels.put("ratingReasons", Messages.report("label.ratingReasons", locale));
        definitions.put("ratingReasons", Messages.report("kpi.ratingReasons", locale));
        JsonArray groups = new JsonArray();
        summary.groups().forEach(g -> groups.add(new JsonObject().put("key", g.key()).put("figures",
                figures(g.figures()))));
        JsonArray hours = new JsonArray();
        for (HourLoad h : summary.hours()) {
            hours.add(new JsonObject().put("hour", h.hour()).put("arrivals", h.arrivals())
                    .put("counterHoursOpen", h.counterHoursOpen()));
        }
        return new JsonObject()
                .put("from", query.from().toString())
                .put("to", query.to().toString())
                .put("siteId", query.siteId())
                .put("serviceId", query.serviceId())
                .put("groupBy", query.groupBy().wireName())
                .put("labels", labels)
                .put("definitions", definitions)
                .put("total", figures(summary.total()))
                .put("groups", groups)
                .put("hours", hours);
    }

    static JsonObject figures(Figures figures) {
        JsonObject out = new JsonObject();
        for (Kpi kpi : Kpi.values()) {
            Double value = figures.get(kpi);
            out.put(kpi.key(), value == null ? null : kpi.isCount() ? (Object) value.longValue() : value);
        }
        JsonObject reasons = new JsonObject();
        figures.reasons().forEach(reasons::put);
        return out.put("ratingReasons", reasons);
    }

    private static LocalDate date(MultiMap params, String name) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, name, FieldRule.REQUIRED);
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new QueueException(Problem.INVALID_FIELD, name, FieldRule.DATE);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
