-- A manager's permission for a site's guidance desk to give out numbers outside opening hours, for one
-- service day (a centre that stays open late to clear its hall). It ends by itself with the day.
CREATE TABLE after_hours_issuing (
    site_id     text        NOT NULL,
    service_day date        NOT NULL,
    allowed_by  text        NOT NULL,
    allowed_at  timestamptz NOT NULL,
    PRIMARY KEY (site_id, service_day)
);
