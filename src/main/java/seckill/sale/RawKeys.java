package seckill.sale;

import seckill.redis.RawCalls;

/** The sale's keys as the purchases send them: encoded once per sale, not once per command. */
record RawKeys(byte[] flag, byte[] total, byte[] num, byte[] user, byte[] buyers, byte[] times, byte[] stock,
               byte[] meta) {
    static RawKeys of(SaleKeys keys) {
        return new RawKeys(RawCalls.bytes(keys.flag()), RawCalls.bytes(keys.total()), RawCalls.bytes(keys.num()),
                RawCalls.bytes(keys.user()), RawCalls.bytes(keys.buyers()), RawCalls.bytes(keys.times()),
                RawCalls.bytes(keys.stock()), RawCalls.bytes(keys.meta()));
    }
}
