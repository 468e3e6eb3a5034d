#!/usr/bin/env python3
"""The tutorial's flash sale, in its own shape, for timing side by side with Seckill Lab.

redis-py, a ThreadPoolExecutor of POOL threads, USERS users racing for STOCK items with WATCH/MULTI/EXEC, one try
per user, on the same four keys (kill_total, kill_num, kill_flag, kill_user) under an optional prefix.

    python3 tutorial_seckill.py [--url redis://127.0.0.1:6379] [--prefix P] [--stock 50] [--users 1000] [--pool 200]
"""
import argparse
import random
import time
from concurrent.futures import ThreadPoolExecutor

import redis


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="redis://127.0.0.1:6379")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--stock", type=int, default=50)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--pool", type=int, default=200)
    parser.add_argument("--duration", type=int, default=600)
    args = parser.parse_args()

    p = args.prefix
    total_key, num_key, flag_key, user_key = p + "kill_total", p + "kill_num", p + "kill_flag", p + "kill_user"
    connections = redis.ConnectionPool.from_url(args.url, max_connections=args.pool + 4)
    r = redis.Redis(connection_pool=connections)

    r.delete(total_key, num_key, flag_key, user_key, p + "kill_buyers", p + "kill_time", p + "kill_stock",
             p + "kill_meta")
    r.set(total_key, args.stock)
    r.set(num_key, 0)
    r.set(flag_key, 1, ex=args.duration)

    def sec_kill(user_id):
        with r.pipeline() as pipe:
            try:
                # as in the tutorial, kill_total is not watched: lowered between its GET and the EXEC, the sale
                # goes through and sells one item past it (kill_num, watched, stops any second one)
                pipe.watch(flag_key, num_key, user_key)
                if not pipe.exists(flag_key):
                    return "closed"
                total = int(pipe.get(total_key))
                sold = int(pipe.get(num_key))
                if sold >= total:
                    return "sold out"
                pipe.multi()
                pipe.incr(num_key)
                pipe.rpush(user_key, user_id)
                pipe.execute()
                return "won"
            except redis.WatchError:
                return "conflict"

    user_ids = random.sample(range(10_000_000, 99_999_999), args.users)
    started = time.perf_counter()
    outcomes = {}
    with ThreadPoolExecutor(max_workers=args.pool) as executor:
        for outcome in executor.map(sec_kill, user_ids):
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    elapsed = time.perf_counter() - started
    print(f"tutorial (Python, redis-py): sold {r.get(num_key).decode()} / {args.stock}, "
          f"{args.users} users in {elapsed * 1000:.0f} ms ({args.users / elapsed:,.0f} users/s), {outcomes}")


if __name__ == "__main__":
    main()
