package vn.luot.core.balancing;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.board.QueueStats;
import vn.luot.core.standings.Standings;

/**
 * Every site's lines now, each with its estimated wait: the one place balancing reads the estimate. It
 * reads the {@link Standings} seam, whose lines carry the hall estimator's forecast (issue 9).
 */
public interface HallLines {

    /** @return each site's lines, by site id */
    Future<Map<String, List<QueueStats>>> now();

    /** The estimator's lines of every site, through the read side. */
    static HallLines of(Standings standings, List<String> siteIds) {
        return () -> {
            List<Future<List<QueueStats>>> asked = siteIds.stream().map(standings::queues).toList();
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
