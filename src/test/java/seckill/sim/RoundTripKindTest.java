package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import redis.clients.jedis.Protocol.Command;
import seckill.redis.Batch;
import seckill.redis.RawCalls;
import seckill.sale.SaleKeys;
import seckill.sale.Scripts;
import seckill.sale.StrategyKind;
import seckill.sale.StrategyListing;

/** Which step of its strategy's code a round trip ran, from the commands as a trace records them. */
class RoundTripKindTest {
    private static final Map<StrategyKind, List<RoundTripKind>> WINNING = Map.of(
            StrategyKind.WATCH, List.of(RoundTripKind.WATCH_READ, RoundTripKind.EXEC),
            StrategyKind.NAIVE, List.of(RoundTripKind.NAIVE_READ, RoundTripKind.NAIVE_WRITE),
            StrategyKind.LUA, List.of(RoundTripKind.PURCHASE_SCRIPT),
            StrategyKind.DECR, List.of(RoundTripKind.DECR_CLAIM, RoundTripKind.DECR_COUNT,
                    RoundTripKind.DECR_COMMIT));

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void eachRoundTripOfAWinningAttemptIsItsStrategysStep(StrategyKind kind) {
        // the tutorial's keys, a prefix, a bucket's hash-tagged prefix
        for (String prefix : List.of("", "t:", "{sale.3}:")) {
            List<RoundTripKind> kinds = StrategyListing.winningAttempt(kind, new SaleKeys(prefix), "u7", 0).stream()
                    .map(trip -> RoundTripKind.of(trip.commands())).toList();
            assertThat(kinds).as(kind.cliName() + " " + prefix).isEqualTo(WINNING.get(kind));
        }
    }

    @Test
    void theRoundTripsOutsideAWinningAttempt() {
        assertThat(RoundTripKind.of(List.of("UNWATCH"))).isEqualTo(RoundTripKind.OTHER);
        assertThat(RoundTripKind.of(List.of("SREM t:kill_buyers u7"))).isEqualTo(RoundTripKind.OTHER);
        assertThat(RoundTripKind.of(List.of())).isEqualTo(RoundTripKind.OTHER);
        assertThat(RoundTripKind.of(null)).isEqualTo(RoundTripKind.OTHER);
        // decr gives back an item the gate let through below zero, then asks the sale or, sold out, unclaims
        assertThat(RoundTripKind.of(List.of("INCR t:kill_stock", "EVALSHA c447988d 7 t:kill_flag")))
                .isEqualTo(RoundTripKind.DECR_COMMIT);
        assertThat(RoundTripKind.of(List.of("INCR t:kill_stock", "SREM t:kill_buyers u7")))
                .isEqualTo(RoundTripKind.DECR_COUNT);
        // naive's write, whatever follows the INCR
        assertThat(RoundTripKind.of(List.of("INCR t:kill_num"))).isEqualTo(RoundTripKind.NAIVE_WRITE);
        assertThat(RoundTripKind.of(List.of("GET t:kill_num"))).isEqualTo(RoundTripKind.NAIVE_READ);
        assertThat(RoundTripKind.of(List.of("EXISTS t:kill_flag", "GET t:kill_num")))
                .isEqualTo(RoundTripKind.NAIVE_READ);
        assertThat(RoundTripKind.of(List.of("watch t:kill_flag"))).as("either case").isEqualTo(
                RoundTripKind.WATCH_READ);
    }

    @Test
    void aScriptSentAgainWithItsTextAfterANoscriptIsTheSameStep() {
        SaleKeys keys = new SaleKeys("t:");
        byte[][] purchaseKeys = {RawCalls.bytes(keys.flag()), RawCalls.bytes(keys.total()),
            RawCalls.bytes(keys.num()), RawCalls.bytes(keys.user()), RawCalls.bytes(keys.buyers()),
            RawCalls.bytes(keys.times())};
        List<String> purchase = new Batch().add(Command.EVAL, concat(RawCalls.bytes(Scripts.purchase()),
                RawCalls.bytes("6"), purchaseKeys, RawCalls.bytes("u7"), RawCalls.bytes("1796049463133"))).describe();
        List<String> commit = new Batch().add(Command.EVAL, concat(RawCalls.bytes(Scripts.decrCommit()),
                RawCalls.bytes("7"), purchaseKeys, RawCalls.bytes(keys.stock()), RawCalls.bytes("u7"),
                RawCalls.bytes("1796049463133"), RawCalls.bytes("1"))).describe();
        assertThat(purchase.get(0)).startsWith("EVAL \"");
        assertThat(RoundTripKind.of(purchase)).isEqualTo(RoundTripKind.PURCHASE_SCRIPT);
        assertThat(RoundTripKind.of(commit)).isEqualTo(RoundTripKind.DECR_COMMIT);
    }

    /** The script, its number of keys, then the keys, then each further argument. */
    private static byte[][] concat(byte[] script, byte[] keyCount, byte[][] keys, byte[]... more) {
        byte[][] all = new byte[2 + keys.length + more.length][];
        all[0] = script;
        all[1] = keyCount;
        System.arraycopy(keys, 0, all, 2, keys.length);
        System.arraycopy(more, 0, all, 2 + keys.length, more.length);
        return all;
    }
}
