-- The decr strategy's commit: the item the DECR gate let through is written to the tutorial's keys only while the
-- sale itself (kill_total, kill_num) still has one, so that no mix of writers on one sale can oversell it.
-- KEYS: 1 kill_flag, 2 kill_total, 3 kill_num, 4 kill_user, 5 kill_buyers, 6 kill_time, 7 kill_stock
-- ARGV: 1 user id, 2 purchase time (epoch ms), 3 '1' when the caller holds an item taken from kill_stock
-- Returns 0 won, 1 sold out, 2 closed, 4 won an item the gate had turned away (one stranded by a lost connection).
-- A refused user's claim on kill_buyers is released.
if redis.call('EXISTS', KEYS[1]) == 0 then
    redis.call('SREM', KEYS[5], ARGV[1])
    if ARGV[3] == '1' then
        redis.call('INCR', KEYS[7])
    end
    return 2
end
local total = tonumber(redis.call('GET', KEYS[2]) or '0')
local sold = tonumber(redis.call('GET', KEYS[3]) or '0')
if sold >= total then
    redis.call('SREM', KEYS[5], ARGV[1])
    return 1
end
redis.call('INCR', KEYS[3])
redis.call('RPUSH', KEYS[4], ARGV[1])
redis.call('RPUSH', KEYS[6], ARGV[2])
if ARGV[3] == '1' then
    return 0
end
return 4
