package vn.luot.core.domain.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.ServiceDefinition;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.ticket.IssuingHours;

/**
 * Who comes on one day, and when. Within each stretch of the arrival profile ({@link #bins}) visits come
 * as a Poisson process (so they bunch, as real ones do) at the stretch's share of the day's visits; a
 * visit when no site offering its service gives out numbers (a Saturday afternoon) does not happen. Each visit draws its service by the
 * services' shares of arrivals, its site among those offering it and giving out numbers then (by the site
 * shares), a priority group at the priority share, and a booking at the booked share: a booked citizen
 * arrives within the spread around their quarter-hour slot, or not at all (the booked no-show share).
 */
public final class ArrivalModel {
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private final Catalogue catalogue;
    private final SimulationSettings settings;
    private final IssuingHours issuingHours;
    private final ZoneId zone;

    public ArrivalModel(Catalogue catalogue, SimulationSettings settings, IssuingHours issuingHours) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.issuingHours = issuingHours;
        this.zone = catalogue.timeZone();
    }

    /** One stretch of the arrival profile on a day: its share of the day's visits come between start and end. */
    public record Bin(Instant start, Instant end, double share) {
        public double hours() {
            return Duration.between(start, end).toMillis() / 3_600_000.0;
        }
    }

    /**
     * The profile's stretches on a day: each runs from its time to the next one, but ends with the opening
     * period it starts in (the 11:00 share comes by 11:30, not over the lunch break).
     */
    public List<Bin> bins(LocalDate day) {
        List<Bin> bins = new ArrayList<>();
        TreeMap<LocalTime, Double> profile = new TreeMap<>(settings.arrivalProfile());
        for (var bin : profile.entrySet()) {
            LocalTime from = bin.getKey();
            LocalTime higher = profile.higherKey(from);
            LocalTime to = higher == null ? from.plusHours(1) : higher;
            for (SiteDefinition site : catalogue.sites()) {
                for (OpeningHours.Period p : site.openingHours().on(day.getDayOfWeek())) {
                    if (p.contains(from) && p.closes().isBefore(to)) {
                        to = p.closes();
                    }
                }
            }
            Instant start = day.atTime(from).atZone(zone).toInstant();
            Instant end = day.atTime(to).atZone(zone).toInstant();
            if (end.isAfter(start)) {
                bins.add(new Bin(start, end, bin.getValue()));
            }
        }
        return bins;
    }

    /** The day's visits in order of arrival. */
    public List<Visit> visits(LocalDate day, SplittableRandom random) {
        List<Visit> visits = new ArrayList<>();
        for (Bin bin : bins(day)) {
            double perMilli = settings.visitsPerDay() * bin.share() / Duration.between(bin.start(), bin.end()).toMillis();
            if (perMilli <= 0) {
                continue;
            }
            long at = bin.start().toEpochMilli();
            while (true) {
                at += Math.round(-Math.log(1 - random.nextDouble()) / perMilli);
                if (at >= bin.end().toEpochMilli()) {
                    break;
                }
                Visit visit = visit(day, Instant.ofEpochMilli(at), random);
                if (visit != null) {
                    visits.add(visit);
                }
            }
        }
        visits.sort(Comparator.comparing(Visit::arrives));
        return visits;
    }

    /** Among the sites offering the service, the share of its visits that go to this one. */
    public double siteShare(String siteId, String serviceId) {
        double total = 0;
        double mine = 0;
        for (SiteDefinition site : catalogue.sites()) {
            if (site.offers(serviceId)) {
                total += share(site);
                if (site.id().equals(siteId)) {
                    mine = share(site);
                }
            }
        }
        return total == 0 ? 0 : mine / total;
    }

    private Visit visit(LocalDate day, Instant drawn, SplittableRandom random) {
        ServiceDefinition service = pickService(random);
        String priority = random.nextDouble() < settings.priorityShare() ? pickGroup(random) : null;
        Instant arrives = drawn;
        Instant slot = null;
        if (random.nextDouble() < settings.bookedShare()) {
            if (random.nextDouble() < settings.bookedNoShowShare()) {
                return null;
            }
            long quarter = QUARTER.toMillis();
            slot = Instant.ofEpochMilli(drawn.toEpochMilli() / quarter * quarter);
            long spread = settings.bookedArrivalSpread().toMillis();
            arrives = slot.plusMillis(Math.round((random.nextDouble() * 2 - 1) * spread));
        }
        SiteDefinition site = pickSite(service.id(), arrives, random);
        if (site == null || !arrives.atZone(zone).toLocalDate().equals(day)) {
            return null;
        }
        return new Visit(arrives, site.id(), service.id(), priority, slot);
    }

    private ServiceDefinition pickService(SplittableRandom random) {
        double draw = random.nextDouble();
        double sum = 0;
        List<ServiceDefinition> services = catalogue.services();
        for (ServiceDefinition s : services) {
            sum += s.shareOfArrivals();
            if (draw < sum) {
                return s;
            }
        }
        return services.get(services.size() - 1);
    }

    private String pickGroup(SplittableRandom random) {
        var groups = catalogue.priorityGroups();
        return groups.isEmpty() ? "priority" : groups.get(random.nextInt(groups.size())).id();
    }

    private SiteDefinition pickSite(String serviceId, Instant at, SplittableRandom random) {
        List<SiteDefinition> open = new ArrayList<>();
        double total = 0;
        for (SiteDefinition site : catalogue.sites()) {
            if (site.offers(serviceId) && issuing(site.openingHours(), at)) {
                open.add(site);
                total += share(site);
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        double draw = random.nextDouble() * total;
        for (SiteDefinition site : open) {
            draw -= share(site);
            if (draw < 0) {
                return site;
            }
        }
        return open.get(open.size() - 1);
    }

    private double share(SiteDefinition site) {
        return settings.siteShares().getOrDefault(site.id(), 1.0 / catalogue.sites().size());
    }

    private boolean issuing(OpeningHours hours, Instant at) {
        return issuingHours.at(hours, at.atZone(zone)).open();
    }
}
