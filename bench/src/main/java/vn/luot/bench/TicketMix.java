package vn.luot.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ticket requests the load sends, weighted like a real day: services by their configured share of
 * arrivals, each at a random site that offers it. Read from the server, so nothing is hard-coded here.
 */
final class TicketMix {
    private final List<Buffer> bodies = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();

    TicketMix(JsonObject sites, JsonObject services) {
        JsonArray siteList = sites.getJsonArray("sites");
        double total = 0;
        for (Object s : services.getJsonArray("services")) {
            JsonObject service = (JsonObject) s;
            List<String> offering = new ArrayList<>();
            for (Object o : siteList) {
                JsonObject site = (JsonObject) o;
                if (site.getJsonArray("services").contains(service.getString("id"))) {
                    offering.add(site.getString("id"));
                }
            }
            double share = service.getDouble("shareOfArrivals", 0.1) / offering.size();
            for (String site : offering) {
                total += share;
                cumulative.add(total);
                bodies.add(new JsonObject().put("serviceId", service.getString("id")).put("siteId", site)
                        .put("channel", "kiosk").toBuffer());
            }
        }
        for (int i = 0; i < cumulative.size(); i++) {
            cumulative.set(i, cumulative.get(i) / total);
        }
    }

    Buffer next() {
        double r = ThreadLocalRandom.current().nextDouble();
        for (int i = 0; i < cumulative.size(); i++) {
            if (r < cumulative.get(i)) {
                return bodies.get(i);
            }
        }
        return bodies.get(bodies.size() - 1);
    }
}
