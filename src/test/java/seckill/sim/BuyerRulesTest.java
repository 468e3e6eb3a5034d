package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import seckill.metrics.MetricsSnapshot;
import seckill.redis.RedisTarget;
import seckill.sale.Outcome;
import seckill.sale.StrategyKind;
import seckill.util.Problem;

/** The buyers' rules on their own: no Redis, no engine, one buyer's view at a time. */
class BuyerRulesTest {
    private static final RedisTarget NOWHERE = RedisTarget.parse("redis://127.0.0.1:1");

    private static BuyerRules rules(long users, int retries, int redisTimeoutS) {
        return new BuyerRules(SimulationConfig.builder().prefix("rules-test:").strategy(StrategyKind.LUA)
                .load(10, users, 4, retries).redisTimeoutS(redisTimeoutS).seed(3).build(), NOWHERE, true);
    }

    @Test
    void everyUserIsTakenOnce_andThenNone() {
        BuyerRules rules = rules(5, 0, 5);
        Set<String> ids = new HashSet<>();
        for (long expected = 0; expected < 5; expected++) {
            long index = rules.takeUser();
            assertThat(index).isEqualTo(expected);
            ids.add(rules.newTurn(index).userId);
        }
        assertThat(ids).hasSize(5).allSatisfy(id -> assertThat(id).startsWith("u"));
        assertThat(rules.takeUser()).isEqualTo(-1);
        assertThat(rules.hasEnded()).as("taking the last user does not end the run by itself").isFalse();
    }

    @Test
    void aWinEndsTheUserAsWon_andTheRunGoesOn() {
        BuyerRules rules = rules(5, 0, 5);
        assertThat(rules.settle(rules.newTurn(0), System.nanoTime(), Outcome.WON)).isTrue();
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.wins()).isEqualTo(1);
        assertThat(m.usersDone()).isEqualTo(1);
        assertThat(m.usersWon()).isEqualTo(1);
        assertThat(rules.endedBy()).isNull();
        assertThat(rules.takeUser()).isZero();
    }

    @Test
    void conflictsAreRetriedUpToTheRetries_thenTheUserIsDoneWithoutWinning() {
        BuyerRules rules = rules(5, 2, 5);
        Turn turn = rules.newTurn(0);
        assertThat(rules.settle(turn, System.nanoTime(), Outcome.CONFLICT)).isFalse();
        assertThat(rules.settle(turn, System.nanoTime(), Outcome.CONFLICT)).isFalse();
        assertThat(rules.settle(turn, System.nanoTime(), Outcome.CONFLICT)).isTrue();
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.conflicts()).isEqualTo(3);
        assertThat(m.usersDone()).isEqualTo(1);
        assertThat(m.usersWon()).isZero();
    }

    @Test
    void aConflictAfterTheRunEndedIsNotRetried() {
        BuyerRules rules = rules(5, 10, 5);
        Turn turn = rules.newTurn(0);
        rules.settle(rules.newTurn(1), System.nanoTime(), Outcome.SOLD_OUT);
        assertThat(rules.settle(turn, System.nanoTime(), Outcome.CONFLICT)).isTrue();
    }

    @Test
    void soldOutAndClosedEndTheRun_theFirstReasonStays() {
        BuyerRules rules = rules(5, 0, 5);
        assertThat(rules.settle(rules.newTurn(0), System.nanoTime(), Outcome.SOLD_OUT)).isTrue();
        assertThat(rules.settle(rules.newTurn(1), System.nanoTime(), Outcome.CLOSED)).isTrue();
        rules.end(EndReason.ALL_USERS_DONE);
        assertThat(rules.endedBy()).isEqualTo(EndReason.SOLD_OUT);
        assertThat(rules.takeUser()).isEqualTo(-1);
        assertThat(rules.isAbandoned()).as("a sold-out run still settles the retries after faults").isFalse();
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.soldOut()).isEqualTo(1);
        assertThat(m.closed()).isEqualTo(1);
        assertThat(m.usersDone()).isEqualTo(2);
    }

    @Test
    void alreadyWonCountsAsAWin_onlyAfterAFault() {
        BuyerRules rules = rules(5, 0, 5);
        Turn plain = rules.newTurn(0);
        assertThat(rules.settle(plain, System.nanoTime(), Outcome.ALREADY_WON)).isTrue();
        assertThat(rules.metrics().sample().usersWon()).isZero();

        Turn retried = rules.newTurn(1);
        assertThat(rules.fault(retried, System.nanoTime(), reset())).isNotNegative();
        assertThat(rules.settle(retried, System.nanoTime(), Outcome.ALREADY_WON)).isTrue();
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.alreadyWon()).isEqualTo(2);
        assertThat(m.usersWon()).as("our own attempt whose reply was lost").isEqualTo(1);
        assertThat(m.usersUnknown()).isZero();
    }

    @Test
    void whereTheClaimComesBeforeTheItem_alreadyWonAfterAFaultIsUnknown_notAWin() {
        BuyerRules rules = new BuyerRules(SimulationConfig.builder().prefix("rules-test:").strategy(StrategyKind.DECR)
                .load(10, 5, 4, 0).seed(3).build(), NOWHERE, false);
        Turn retried = rules.newTurn(0);
        assertThat(rules.fault(retried, System.nanoTime(), reset())).isNotNegative();
        assertThat(rules.settle(retried, System.nanoTime(), Outcome.ALREADY_WON)).isTrue();
        Turn plain = rules.newTurn(1);
        assertThat(rules.settle(plain, System.nanoTime(), Outcome.ALREADY_WON)).isTrue();
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.usersWon()).isZero();
        assertThat(m.usersUnknown()).isEqualTo(1);
        assertThat(m.usersLost()).isEqualTo(1);
        assertThat(m.usersDone()).isEqualTo(2);
    }

    @Test
    void aUserLeftAfterALostReplyIsUnknown() {
        BuyerRules rules = rules(5, 0, 5);
        Turn retried = rules.newTurn(0);
        assertThat(rules.fault(retried, System.nanoTime(), reset())).isNotNegative();
        rules.stop();
        assertThat(rules.isAbandoned()).isTrue();
        rules.abandoned(retried);
        rules.abandoned(rules.newTurn(1));
        MetricsSnapshot m = rules.metrics().sample();
        assertThat(m.usersUnknown()).isEqualTo(1);
        assertThat(m.usersDone()).isEqualTo(1);
    }

    @Test
    void aConnectionFaultBacksOffLongerEachTime_andMarksTheTurn() {
        BuyerRules rules = rules(5, 0, 5);
        Turn turn = rules.newTurn(0);
        long first = rules.fault(turn, System.nanoTime(), reset());
        assertThat(first).isBetween(10L, 20L);
        assertThat(turn.afterFault).isTrue();
        assertThat(turn.faultSince).isPositive();
        for (int i = 0; i < 6; i++) {
            rules.fault(turn, System.nanoTime(), reset());
        }
        assertThat(turn.faultStreak).isEqualTo(7);
        assertThat(rules.fault(turn, System.nanoTime(), reset())).isBetween(250L, 500L);
        assertThat(rules.metrics().sample().errors()).isEqualTo(8);
        assertThat(rules.endedBy()).isNull();
    }

    @Test
    void aFaultStreakLongerThanTheRedisTimeoutEndsTheRun() {
        BuyerRules rules = rules(5, 0, 2);
        Turn turn = rules.newTurn(0);
        rules.fault(turn, System.nanoTime(), reset());
        turn.faultSince = System.nanoTime() - TimeUnit.SECONDS.toNanos(3);
        assertThat(rules.fault(turn, System.nanoTime(), reset())).isEqualTo(-1);
        assertThat(rules.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(rules.isAbandoned()).isTrue();
        assertThat(rules.error().kind()).isEqualTo(Problem.Kind.REDIS_GAVE_UP);
        assertThat(rules.error().english()).contains("127.0.0.1:1").contains("gave up after 2 s");
    }

    @Test
    void anErrorThatIsNotTheConnectionsEndsTheRunAtOnce() {
        BuyerRules rules = rules(5, 0, 5);
        JedisDataException unknown = new JedisDataException("ERR unknown command");
        assertThat(rules.fault(rules.newTurn(0), System.nanoTime(), unknown)).isEqualTo(-1);
        assertThat(rules.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(rules.error()).isNotNull();
        assertThat(rules.error().english()).contains("unknown command");
    }

    @Test
    void aStopAbandonsTheRun_theFirstProblemIsTheOneReported() {
        BuyerRules rules = rules(5, 0, 5);
        rules.stop();
        assertThat(rules.endedBy()).isEqualTo(EndReason.STOPPED);
        assertThat(rules.isAbandoned()).isTrue();
        assertThat(rules.takeUser()).isEqualTo(-1);
        rules.callTimedOut();
        rules.fail(Problem.of(Problem.Kind.LOOP_FAILED, "later"));
        assertThat(rules.endedBy()).isEqualTo(EndReason.ERROR);
        assertThat(rules.error().kind()).isEqualTo(Problem.Kind.REDIS_TIMED_OUT);
    }

    @Test
    void arrivalsAreSpreadOverTheSpread_noneAfterTheClose() {
        BuyerRules rules = new BuyerRules(SimulationConfig.builder().prefix("rules-test:").strategy(StrategyKind.LUA)
                .load(10, 100, 4, 0).spreadMs(10_000).durationS(5).seed(3).build(), NOWHERE, true);
        rules.start();
        long start = rules.startNanos();
        assertThat(rules.admitAt(0, start)).isEqualTo(start);
        assertThat(rules.admitAt(10, start)).isEqualTo(start + TimeUnit.SECONDS.toNanos(1));
        assertThat(rules.admitAt(99, start)).as("at the close").isEqualTo(start + TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void theActiveCountFollowsTheBuyers() {
        BuyerRules rules = rules(5, 0, 5);
        rules.activeChanged(16);
        rules.activeChanged(-1);
        assertThat(rules.active()).isEqualTo(15);
    }

    /** A connection reset, as a buyer meets it. */
    private static JedisConnectionException reset() {
        return new JedisConnectionException("reset");
    }
}
