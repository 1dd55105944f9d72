package vn.luot.core.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.luot.core.domain.booking.DailyLimit;
import vn.luot.core.domain.booking.MissedBooking;
import vn.luot.core.domain.booking.SlotSettings;
import vn.luot.core.domain.calling.BookedWindow;
import vn.luot.core.domain.notify.NoticeKind;
import vn.luot.core.domain.notify.RetryPolicy;
import vn.luot.core.domain.notify.Templates;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;

/** Reads the {@code booking} block: slots, their places per site and service, and the closed days. */
final class BookingConfigReader {
    private BookingConfigReader() {
    }

    static LuotConfig.Booking read(ConfigNode node, List<SiteDefinition> sites, List<ServiceDefinition> services) {
        int slotMinutes = node.integer("slotMinutes", 5, 240);
        int daysAhead = node.integer("openDaysAhead", 0, 366);
        int closesBefore = node.integer("closesMinutesBefore", 0, 24 * 60);
        SlotSettings.Places places = places(node.child("placesPerSlot"), sites);
        Set<LocalDate> closed = new HashSet<>(dates(node, "publicHolidays"));
        closed.addAll(dates(node, "closedDays"));
        ConfigNode window = node.child("calledAtTheirSlot");
        BookedWindow called = new BookedWindow(Duration.ofMinutes(window.integer("earlyMinutes", 0, 240)),
                Duration.ofMinutes(window.integer("lateMinutes", 0, 240)));
        window.rejectUnknownKeys();
        String missedText = node.text("missedBooking");
        MissedBooking missed = MissedBooking.fromWire(missedText)
                .orElseThrow(() -> node.error("missedBooking", "must be walk-in or expire, got '" + missedText + "'"));
        int phoneCheckIn = node.integer("phoneCheckInMinutesBefore", 0, 240);
        int jobsEvery = node.integer("jobsEverySeconds", 1, 3600);
        int remoteMargin = node.integer("remoteArriveMinutesBeforeTurn", 0, 120);
        int turnNear = node.integer("turnNearAhead", 0, 50);
        Map<String, LocalizedText> bring = new HashMap<>();
        ConfigNode bringNode = node.child("whatToBring");
        bringNode.entries(serviceId -> {
            if (services.stream().noneMatch(s -> s.id().equals(serviceId))) {
                throw bringNode.error(serviceId, "names no service defined under services");
            }
            return bring.put(serviceId, ConfigLoader.localized(bringNode, serviceId));
        });
        bringNode.rejectUnknownKeys();
        ConfigNode limits = node.child("limits");
        DailyLimit daily = new DailyLimit(limits.integer("bookingsPerPhonePerDay", 1, 1000),
                limits.integer("remoteTicketsPerPhonePerDay", 1, 1000),
                limits.integer("bookingsPerAddressPerDay", 1, 100_000),
                limits.integer("remoteTicketsPerAddressPerDay", 1, 100_000));
        int perMinute = limits.integer("requestsPerMinutePerAddress", 1, 100_000);
        limits.rejectUnknownKeys();
        int keepDays = node.integer("keepPersonalDataDays", 1, 3650);
        vn.luot.core.domain.booking.UsualWaits usualWaits = new vn.luot.core.domain.booking.UsualWaits(
                node.integer("usualWaitDays", 1, 366), node.integer("usualWaitMinimumTickets", 1, 10_000));
        node.rejectUnknownKeys();
        return new LuotConfig.Booking(new SlotSettings(Duration.ofMinutes(slotMinutes), daysAhead,
                Duration.ofMinutes(closesBefore), closed, places), called, missed, Duration.ofMinutes(phoneCheckIn),
                Duration.ofSeconds(jobsEvery), Duration.ofMinutes(remoteMargin), bring, turnNear,
                daily, perMinute, keepDays, usualWaits);
    }

    /** The {@code notify} block: the gateway, retries, the reminder's lead time and the message templates. */
    static LuotConfig.Notify notify(ConfigNode node, Overrides env) {
        String notifier = node.text("notifier");
        if (!notifier.equals("log") && !notifier.equals("webhook")) {
            throw node.error("notifier", "must be log or webhook, got '" + notifier + "'");
        }
        ConfigNode webhook = node.child("webhook");
        String url = webhook.optionalText("url", "");
        String secret = env.get("LUOT_NOTIFY_SECRET").orElse(webhook.optionalText("secret", ""));
        int timeout = webhook.integer("timeoutSeconds", 1, 120);
        webhook.rejectUnknownKeys();
        if (notifier.equals("webhook")) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw webhook.error("url", "must be the gateway's http:// or https:// address when notifier is webhook");
            }
            if (secret.length() < 16) {
                throw webhook.error("secret", "must be at least 16 characters (or set LUOT_NOTIFY_SECRET) when notifier is webhook");
            }
        }
        int every = node.integer("sendEverySeconds", 1, 3600);
        ConfigNode retry = node.child("retry");
        int first = retry.integer("firstSeconds", 1, 3600);
        int longest = retry.integer("longestSeconds", first, 24 * 3600);
        int attempts = retry.integer("maxAttempts", 1, 100);
        retry.rejectUnknownKeys();
        int lead = node.integer("reminderMinutesBefore", 1, 24 * 60);
        ConfigNode templates = node.child("templates");
        Map<NoticeKind, String> texts = new java.util.EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            texts.put(kind, templates.text(kind.wireName()));
        }
        templates.rejectUnknownKeys();
        node.rejectUnknownKeys();
        return new LuotConfig.Notify(notifier.equals("webhook") ? url : null, secret, Duration.ofSeconds(timeout),
                Duration.ofSeconds(every), new RetryPolicy(Duration.ofSeconds(first), Duration.ofSeconds(longest), attempts),
                Duration.ofMinutes(lead), new Templates(texts));
    }

    private static SlotSettings.Places places(ConfigNode node, List<SiteDefinition> sites) {
        int byDefault = node.integer("default", 0, 1000);
        Map<String, Map<String, Integer>> bySite = new HashMap<>();
        if (node.has("sites")) {
            ConfigNode siteNodes = node.child("sites");
            siteNodes.entries(siteId -> {
                SiteDefinition site = sites.stream().filter(s -> s.id().equals(siteId)).findFirst()
                        .orElseThrow(() -> siteNodes.error(siteId, "names no site defined under sites"));
                ConfigNode services = siteNodes.child(siteId);
                Map<String, Integer> byService = new HashMap<>();
                services.entries(serviceId -> {
                    if (!site.offers(serviceId)) {
                        throw services.error(serviceId, "is not among the services of site '" + siteId + "'");
                    }
                    return byService.put(serviceId, services.integer(serviceId, 0, 1000));
                });
                services.rejectUnknownKeys();
                return bySite.put(siteId, byService);
            });
            siteNodes.rejectUnknownKeys();
        }
        node.rejectUnknownKeys();
        return new SlotSettings.Places(byDefault, bySite);
    }

    private static List<LocalDate> dates(ConfigNode node, String key) {
        List<String> texts = node.texts(key);
        return java.util.stream.IntStream.range(0, texts.size()).mapToObj(i -> {
            try {
                return LocalDate.parse(texts.get(i));
            } catch (DateTimeParseException e) {
                throw node.error(key + "[" + i + "]", "must be a date such as 2027-02-06, got '" + texts.get(i) + "'");
            }
        }).toList();
    }
}
