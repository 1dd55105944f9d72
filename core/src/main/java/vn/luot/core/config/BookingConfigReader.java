package vn.luot.core.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.domain.booking.MissedBooking;
import vn.luot.core.domain.booking.SlotSettings;
import vn.luot.core.domain.booking.UsualWaits;
import vn.luot.core.domain.calling.BookedWindow;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.notify.NoticeKind;
import vn.luot.core.domain.notify.RetryPolicy;
import vn.luot.core.domain.notify.Templates;

/** Builds the {@code booking} block (slots, places per site and service, closed days) and the {@code notify} block. */
final class BookingConfigReader {
    private final ConfigLoader loader;

    BookingConfigReader(ConfigLoader loader) {
        this.loader = loader;
    }

    LuotConfig.Booking booking(ConfigFile.Booking booking, List<SiteDefinition> sites, List<ServiceDefinition> services) {
        Set<LocalDate> closed = new HashSet<>(dates(booking.publicHolidays(), "booking.publicHolidays"));
        closed.addAll(dates(booking.closedDays(), "booking.closedDays"));
        BookedWindow called = new BookedWindow(Duration.ofMinutes(booking.calledAtTheirSlot().earlyMinutes()),
                Duration.ofMinutes(booking.calledAtTheirSlot().lateMinutes()));
        MissedBooking missed = MissedBooking.fromWire(booking.missedBooking())
                .orElseThrow(() -> loader.problem("booking.missedBooking", "must be walk-in or expire, got '"
                        + booking.missedBooking() + "'"));
        Map<String, LocalizedText> bring = new HashMap<>();
        booking.whatToBring().forEach((serviceId, text) -> {
            if (services.stream().noneMatch(s -> s.id().equals(serviceId))) {
                throw loader.problem("booking.whatToBring." + serviceId, "names no service defined under services");
            }
            bring.put(serviceId, ConfigLoader.localized(text));
        });
        ConfigFile.Limits limits = booking.limits();
        DailyLimit daily = new DailyLimit(limits.bookingsPerPhonePerDay(), limits.remoteTicketsPerPhonePerDay(),
                limits.bookingsPerAddressPerDay(), limits.remoteTicketsPerAddressPerDay());
        return new LuotConfig.Booking(new SlotSettings(Duration.ofMinutes(booking.slotMinutes()),
                booking.openDaysAhead(), Duration.ofMinutes(booking.closesMinutesBefore()), closed,
                places(booking.placesPerSlot(), sites)), called, missed,
                Duration.ofMinutes(booking.phoneCheckInMinutesBefore()), Duration.ofSeconds(booking.jobsEverySeconds()),
                Duration.ofMinutes(booking.remoteArriveMinutesBeforeTurn()), bring, booking.turnNearAhead(), daily,
                limits.requestsPerMinutePerAddress(), booking.keepPersonalDataDays(),
                new UsualWaits(booking.usualWaitDays(), booking.usualWaitMinimumTickets()));
    }

    /** The {@code notify} block: the gateway, retries, the reminder's lead time and the message templates. */
    LuotConfig.Notify notify(ConfigFile.Notify notify, Overrides env) {
        ConfigFile.Webhook webhook = notify.webhook();
        String secret = env.get("LUOT_NOTIFY_SECRET").orElse(webhook.secret());
        boolean toGateway = notify.notifier().equals("webhook");
        if (toGateway && !webhook.url().startsWith("http://") && !webhook.url().startsWith("https://")) {
            throw loader.problem("notify.webhook.url",
                    "must be the gateway's http:// or https:// address when notifier is webhook");
        }
        if (toGateway && secret.length() < 16) {
            throw loader.problem("notify.webhook.secret",
                    "must be at least 16 characters (or set LUOT_NOTIFY_SECRET) when notifier is webhook");
        }
        Map<NoticeKind, String> texts = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            String text = notify.templates().get(kind.wireName());
            if (text == null) {
                throw loader.problem("notify.templates." + kind.wireName(), "is missing");
            }
            texts.put(kind, text.trim());
        }
        for (String name : notify.templates().keySet()) {
            if (NoticeKind.fromWire(name).isEmpty()) {
                throw loader.problem("notify.templates." + name, "is not a known setting (check its spelling)");
            }
        }
        ConfigFile.Retry retry = notify.retry();
        return new LuotConfig.Notify(toGateway ? webhook.url() : null, secret,
                Duration.ofSeconds(webhook.timeoutSeconds()), Duration.ofSeconds(notify.sendEverySeconds()),
                new RetryPolicy(Duration.ofSeconds(retry.firstSeconds()), Duration.ofSeconds(retry.longestSeconds()),
                        retry.maxAttempts()),
                Duration.ofMinutes(notify.reminderMinutesBefore()), new Templates(texts));
    }

    private SlotSettings.Places places(ConfigFile.PlacesPerSlot places, List<SiteDefinition> sites) {
        places.sites().forEach((siteId, byService) -> {
            SiteDefinition site = ConfigLoader.site(sites, siteId);
            String path = "booking.placesPerSlot.sites." + siteId;
            if (site == null) {
                throw loader.problem(path, "names no site defined under sites");
            }
            for (String serviceId : byService.keySet()) {
                if (!site.offers(serviceId)) {
                    throw loader.problem(path + "." + serviceId, "is not among the services of site '" + siteId + "'");
                }
            }
        });
        return new SlotSettings.Places(places.byDefault(), places.sites());
    }

    private List<LocalDate> dates(List<String> texts, String path) {
        return java.util.stream.IntStream.range(0, texts.size()).mapToObj(i -> {
            try {
                return LocalDate.parse(texts.get(i));
            } catch (DateTimeParseException e) {
                throw loader.problem(path + "[" + i + "]", "must be a date such as 2027-02-06, got '" + texts.get(i) + "'");
            }
        }).toList();
    }
}
