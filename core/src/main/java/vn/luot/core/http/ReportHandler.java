package vn.luot.core.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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
import vn.luot.core.reports.ReportService;

/** Managers' reports: parse the range, ask the report service, answer with figures and their definitions. */
public final class ReportHandler {
    private final ReportService reports;

    public ReportHandler(ReportService reports) {
        this.reports = reports;
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
        String lang = ctx.queryParams().get("lang");
        return Messages.pick(lang != null ? lang : ctx.request().getHeader("Accept-Language"));
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
