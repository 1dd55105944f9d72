package vn.luot.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.Futures.join;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.luot.core.db.DatabasePool;
import vn.luot.core.domain.limit.RateRule;
import vn.luot.core.store.RateLimitStore;
import vn.luot.core.support.Eventually;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestDatabase;
import vn.luot.core.support.TestServer;

/**
 * The shared rate limits on a real PostgreSQL, with two connection pools standing for two nodes of one
 * database. Each test limits subjects of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Rate limits shared by the nodes of one database")
class RateLimiterTest {
    private static final RateRule FIVE_THEN_ONE_A_MINUTE = new RateRule(5, Duration.ofMinutes(1));
    private TestServer server;
    private Pool otherNode;
    private RateLimitStore store;

    @BeforeAll
    void start() {
        server = TestServer.start();
        otherNode = DatabasePool.create(server.vertx(), server.databaseUrl(), server.config().database());
        store = RateLimitStore.create(server.server().pool());
    }

    @AfterAll
    void stop() {
        otherNode.close();
        server.close();
    }

    private RateLimiter limiter(Pool pool, MutableClock clock) {
        return new RateLimiter(RateLimitStore.create(pool), clock);
    }

    @Test
    @DisplayName("What one node took, the other cannot take again: 3 through one and 2 through the other use up a burst of 5")
    void twoNodesTakeFromOneBucket() {
        MutableClock clock = MutableClock.workingMorning();
        RateLimiter first = limiter(server.server().pool(), clock);
        RateLimiter second = limiter(otherNode, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(join(first.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE)).allowed()).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(join(second.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE)).allowed()).isTrue();
        }
        RateLimiter.Verdict onFirst = join(first.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE));
        RateLimiter.Verdict onSecond = join(second.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE));

        assertThat(onFirst.allowed()).isFalse();
        assertThat(onFirst.retryAfterSeconds()).isEqualTo(60);
        assertThat(onSecond.allowed()).isFalse();
        assertThat(join(first.take("test-nodes", "198.51.100.1", FIVE_THEN_ONE_A_MINUTE)).allowed())
                .as("another address has a bucket of its own").isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(join(second.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE)).allowed())
                .as("one back a minute later").isTrue();
        assertThat(join(first.take("test-nodes", "203.0.113.7", FIVE_THEN_ONE_A_MINUTE)).allowed())
                .as("and only one").isFalse();
    }

    @Test
    @DisplayName("Forty requests sent at once through two nodes at a bucket of ten: exactly ten are allowed")
    void concurrentRequestsNeverTakeMoreThanTheBucket() {
        MutableClock clock = MutableClock.workingMorning();
        RateRule tenThenOneAnHour = new RateRule(10, Duration.ofHours(1));
        RateLimiter first = limiter(server.server().pool(), clock);
        RateLimiter second = limiter(otherNode, clock);

        List<Future<RateLimiter.Verdict>> verdicts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            verdicts.add(first.take("test-concurrent", "203.0.113.9", tenThenOneAnHour));
            verdicts.add(second.take("test-concurrent", "203.0.113.9", tenThenOneAnHour));
        }
        join(Future.all(verdicts));

        assertThat(verdicts.stream().filter(v -> v.result().allowed()).count()).isEqualTo(10);
        assertThat(verdicts.stream().filter(v -> !v.result().allowed()).map(v -> v.result().retryAfterSeconds()))
                .hasSize(30).allMatch(seconds -> seconds == 3_600);
    }

    @Test
    @DisplayName("The database decides as RateRule states, over 300 requests and give-backs at random instants, "
            + "the clock now and then set back")
    void theStoreAgreesWithTheRule() {
        Random random = new Random(20261203);
        RateRule rule = new RateRule(4, Duration.ofSeconds(3));
        long now = 1_800_000_000_000_000L;
        long fullAt = 0;
        for (int i = 0; i < 300; i++) {
            now += random.nextInt(20) == 0 ? -random.nextInt(30_000_000) : random.nextInt(2_500_000);
            if (random.nextInt(10) == 0) {
                join(store.giveBack("test-agree", "subject", rule, now));
                fullAt = fullAt == 0 ? 0 : rule.giveBack(fullAt, now);
                continue;
            }
            RateRule.Decision expected = rule.take(fullAt, now);
            RateRule.Decision stored = join(store.take("test-agree", "subject", rule, now));
            assertThat(stored).as("request %d at %d", i, now).isEqualTo(expected);
            fullAt = expected.fullAt();
        }
    }

    @Test
    @DisplayName("Buckets that are full again are forgotten and the others kept; the table holds hashes, no address")
    void fullBucketsAreForgottenAndNoAddressIsStored() {
        MutableClock clock = MutableClock.workingMorning();
        RateLimiter limiter = limiter(server.server().pool(), clock);
        join(limiter.take("test-forget", "192.0.2.10", new RateRule(5, Duration.ofSeconds(1))));
        join(limiter.take("test-forget", "192.0.2.11", new RateRule(5, Duration.ofHours(1))));
        assertThat(TestDatabase.count(server.databaseUrl(),
                "SELECT count(*) FROM rate_limits WHERE subject LIKE '%192.0.2%' OR scope LIKE '%192.0.2%'")).isZero();

        clock.advance(Duration.ofSeconds(2));
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        join(store.forgetFull(now));

        assertThat(TestDatabase.count(server.databaseUrl(), "SELECT count(*) FROM rate_limits WHERE scope = 'test-forget'"))
                .isEqualTo(1);
        assertThat(TestDatabase.count(server.databaseUrl(), "SELECT count(*) FROM rate_limits WHERE scope = 'test-forget' "
                + "AND subject = '" + RateLimiter.subject("test-forget", "192.0.2.11") + "'")).isEqualTo(1);
    }

    @Test
    @DisplayName("A node tidies the full buckets itself once a minute has passed since it last did, on its next request")
    void tidiesOnItsOwnAfterAMinute() {
        MutableClock clock = MutableClock.workingMorning();
        RateLimiter limiter = limiter(server.server().pool(), clock);
        join(limiter.take("test-tidy", "192.0.2.20", new RateRule(5, Duration.ofSeconds(1))));
        assertThat(TestDatabase.count(server.databaseUrl(), "SELECT count(*) FROM rate_limits WHERE scope = 'test-tidy'"))
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        join(limiter.take("test-tidy-other", "192.0.2.21", new RateRule(5, Duration.ofSeconds(1))));

        Eventually.await("the full bucket forgotten", () -> TestDatabase.count(server.databaseUrl(),
                "SELECT count(*) FROM rate_limits WHERE scope = 'test-tidy'") == 0);
    }
}
