package vn.luot.core.balancing;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.live.LiveHub;

/**
 * Every site's lines now, each with its estimated wait: the one place balancing reads the estimate, so
 * that switching to the new estimator (issue 9) is a change here only.
 */
public interface HallLines {

    /** @return each site's lines, by site id */
    Future<Map<String, List<QueueStats>>> now();

    /** Today's estimate: the live hub's boards (people ahead ÷ counters open × running mean). */
    static HallLines of(LiveHub hub, List<String> siteIds) {
        return () -> {
            List<Future<List<QueueStats>>> asked = siteIds.stream().map(hub::queues).toList();
            return Future.all(asked).map(all -> {
                Map<String, List<QueueStats>> bySite = new java.util.LinkedHashMap<>();
                for (int i = 0; i < siteIds.size(); i++) {
                    bySite.put(siteIds.get(i), asked.get(i).result());
                }
                return bySite;
            });
        };
    }
}
