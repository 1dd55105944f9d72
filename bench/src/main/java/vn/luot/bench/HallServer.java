package vn.luot.bench;

import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server the display and phones phases watch, and the pids their CPU meters read.
 *
 * <p>The issuing phases leave more than 100,000 tickets waiting on the server they load, and every call
 * on it re-plays the wait estimate over that backlog: no hall looks like that. So, when the issuing phases
 * ran, the bench asks {@code scripts/bench} for a fresh server (its own data directory and embedded
 * PostgreSQL, the same configuration and admin password) through two named pipes: it writes "fresh" to the
 * request pipe and reads "url server-pid postmaster-pid" from the answer pipe. The script stops the first
 * server before starting the second, so the first's PostgreSQL (checkpointing and vacuuming after the
 * issuing load) takes no CPU from the phases that follow.
 *
 * @param which "fresh" (the second server) or "same" (the server the bench started with)
 */
record HallServer(Api api, long serverPid, long postmasterPid, String which) {
    static final String FRESH = "fresh";
    static final String SAME = "same";

    ProcessProbe.CpuMeter cpuMeter() {
        return new ProcessProbe.CpuMeter(serverPid, postmasterPid);
    }

    /** Tells the script no fresh server is wanted, so it stops listening for the request. */
    static void decline(Path request) throws IOException {
        Files.writeString(request, "none\n");
    }

    /** Asks the script for a fresh server and logs in to it; blocks until the script has started it. */
    static HallServer askFresh(Path request, Path answer, HttpClient client, String adminPassword) throws IOException {
        Files.writeString(request, FRESH + "\n");
        Started started = Started.parse(Files.readString(answer));
        Api api = new Api(client, started.url().getHost(), started.url().getPort());
        api.login("admin", adminPassword);
        return new HallServer(api, started.serverPid(), started.postmasterPid(), FRESH);
    }

    /** The script's answer: where the fresh server listens, its pid and its PostgreSQL's postmaster pid. */
    record Started(URI url, long serverPid, long postmasterPid) {
        static Started parse(String answer) throws IOException {
            String[] fields = answer.trim().split(" ");
            try {
                if (fields.length == 3) {
                    URI url = URI.create(fields[0]);
                    if (url.getHost() != null && url.getPort() > 0) {
                        return new Started(url, Long.parseLong(fields[1]), Long.parseLong(fields[2]));
                    }
                }
            } catch (IllegalArgumentException e) {
                // reported below, with the answer itself
            }
            throw new IOException("The script's answer is not 'url server-pid postmaster-pid': '" + answer.trim() + "'");
        }
    }
}
