-- One purchase, atomically. Touches only the keys it is given.
-- KEYS: 1 kill_flag, 2 kill_total, 3 kill_num, 4 kill_user, 5 kill_buyers, 6 kill_time
-- ARGV: 1 user id, 2 purchase time (epoch ms)
-- Returns 0 won, 1 sold out, 2 closed, 3 already won.
if redis.call('EXISTS', KEYS[1]) == 0 then
    return 2
end
if redis.call('SISMEMBER', KEYS[5], ARGV[1]) == 1 then
    return 3
end
local total = tonumber(redis.call('GET', KEYS[2]) or '0')
local sold = tonumber(redis.call('GET', KEYS[3]) or '0')
if sold >= total then
    return 1
end
redis.call('INCR', KEYS[3])
redis.call('RPUSH', KEYS[4], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('RPUSH', KEYS[6], ARGV[2])
return 0
