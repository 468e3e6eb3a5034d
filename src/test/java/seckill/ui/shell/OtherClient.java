package seckill.ui.shell;

import redis.clients.jedis.Jedis;
import seckill.redis.TestRedis;
import seckill.sale.Outcome;
import seckill.sale.PurchaseStrategy;
import seckill.sale.Sale;
import seckill.sale.SaleKeys;
import seckill.sale.StrategyKind;

/** Another client of the same keys, as the tutorial's script would be: opens a sale and sells it out. */
final class OtherClient {
    private OtherClient() {
    }

    static void sellOut(SaleKeys keys, int stock, String idPrefix) {
        try (Jedis jedis = TestRedis.connection().borrow()) {
            new Sale(keys).open(jedis, stock, 600, StrategyKind.LUA);
            PurchaseStrategy lua = StrategyKind.LUA.create(keys, 0);
            lua.prepare(jedis);
            int won = 0;
            for (int i = 0; won < stock; i++) {
                if (lua.buy(jedis, idPrefix + i) == Outcome.WON) {
                    won++;
                }
            }
        }
    }
}
