package vn.luot.core.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import vn.luot.core.auth.HolderSecrets;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.rating.Rating;
import vn.luot.core.domain.rating.RatingLevel;
import vn.luot.core.domain.rating.RatingReason;
import vn.luot.core.json.JsonViews;
import vn.luot.core.ratings.RatingService;

/** Ratings: what may be answered, the tablets' tokens, and the ratings from tablets and phones. */
public final class RatingHandler {
    private final RatingService ratings;
    private final JsonViews views;
    private final HolderSecrets holderSecrets;

    public RatingHandler(RatingService ratings, JsonViews views, HolderSecrets holderSecrets) {
        this.ratings = ratings;
        this.views = views;
        this.holderSecrets = holderSecrets;
    }

    /** {@code GET /api/v1/rating-options}: the levels, the reasons for a low one, the tablet's timing. */
    public void options(RoutingContext ctx) {
        JsonArray levels = new JsonArray();
        for (int i = RatingLevel.values().length - 1; i >= 0; i--) {
            RatingLevel level = RatingLevel.values()[i];
            levels.add(new JsonObject().put("id", level.wireName()).put("score", level.score())
                    .put("asksReason", level.isLow()));
        }
        JsonArray reasons = new JsonArray();
        for (RatingReason reason : ratings.settings().rules().reasons()) {
            reasons.add(new JsonObject().put("id", reason.id())
                    .put("name", new JsonObject().put("vi", reason.name().vi()).put("en", reason.name().en())));
        }
        Replies.ok(ctx, new JsonObject()
                .put("levels", levels)
                .put("reasons", reasons)
                .put("thanksSeconds", ratings.settings().thanksShown().toSeconds())
                .put("windowHours", ratings.settings().rules().window().toHours()));
    }

    /** {@code POST /api/v1/counters/{id}/rating-token} (admin): the tablet's device token, shown once. */
    public void issueTabletToken(RoutingContext ctx) {
        ratings.issueTabletToken(counterId(ctx), Idempotency.key(ctx))
                .onSuccess(issued -> Replies.json(ctx, 201, new JsonObject()
                        .put("counterId", issued.counterId())
                        .put("token", issued.token())
                        .put("issuedAt", views.time(issued.issuedAt()))))
                .onFailure(ctx::fail);
    }

    /** {@code POST /api/v1/counters/{id}/ratings}: from the counter's tablet, with its device token. */
    public void rateAtCounter(RoutingContext ctx) {
        RequestBody body = RequestBody.of(ctx);
        UUID ticketId = ticketId(body.requiredText("ticketId"));
        ratings.rateAtCounter(counterId(ctx), bearer(ctx), ticketId, level(body), body.optionalText("reason"))
                .onSuccess(rating -> Replies.json(ctx, 201, json(rating)))
                .onFailure(ctx::fail);
    }

    /**
     * {@code POST /api/v1/tickets/{id}/rating}: from the citizen's phone, which proves it holds the ticket
     * with its holder secret (ticket ids are public on the hall stream; the secret is not).
     */
    public void rateFromPhone(RoutingContext ctx) {
        UUID ticketId = TicketHandler.ticketId(ctx);
        String presented = ctx.request().getHeader(HolderSecrets.HEADER);
        if (presented == null || presented.isBlank()) {
            throw new QueueException(Problem.HOLDER_SECRET_MISSING);
        }
        if (!holderSecrets.holds(ticketId, presented.trim())) {
            throw new QueueException(Problem.NOT_TICKET_HOLDER);
        }
        RequestBody body = RequestBody.of(ctx);
        ratings.rateFromPhone(ticketId, level(body), body.optionalText("reason"))
                .onSuccess(rating -> Replies.json(ctx, 201, json(rating)))
                .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/tickets/{id}/rating}: whether the tracking page should offer the rating. */
    public void status(RoutingContext ctx) {
        ratings.status(TicketHandler.ticketId(ctx))
                .onSuccess(s -> Replies.ok(ctx, new JsonObject().put("ticketId", s.ticketId().toString())
                        .put("open", s.open()).put("rated", s.rated())))
                .onFailure(ctx::fail);
    }

    private JsonObject json(Rating rating) {
        return new JsonObject()
                .put("ticketId", rating.ticketId().toString())
                .put("level", rating.level().wireName())
                .put("reason", rating.reason())
                .put("source", rating.source().wireName())
                .put("ratedAt", views.time(rating.ratedAt()));
    }

    private static RatingLevel level(RequestBody body) {
        String raw = body.requiredText("level");
        return RatingLevel.fromWire(raw)
                .orElseThrow(() -> new QueueException(Problem.INVALID_FIELD, "level", FieldRule.RATING_LEVEL));
    }

    private static UUID ticketId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new QueueException(Problem.INVALID_FIELD, "ticketId", FieldRule.TICKET_ID);
        }
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static int counterId(RoutingContext ctx) {
        String raw = ctx.pathParam("counterId");
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new QueueException(Problem.COUNTER_NOT_FOUND, raw);
        }
    }
}
