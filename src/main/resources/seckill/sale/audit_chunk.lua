-- One chunk of the duplicate check: adds kill_user[start..stop] to a temporary set and counts the ids that were
-- there already. Touches only the keys it is given; the temporary set expires by itself.
-- KEYS: 1 kill_user, 2 the temporary set
-- ARGV: 1 start, 2 stop, 3 the set's time to live in ms
-- Returns {ids read, repeats, first repeated id or ''}.
local ids = redis.call('LRANGE', KEYS[1], ARGV[1], ARGV[2])
local repeats = 0
local first = ''
for i = 1, #ids do
    if redis.call('SADD', KEYS[2], ids[i]) == 0 then
        repeats = repeats + 1
        if first == '' then
            first = ids[i]
        end
    end
end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return {#ids, repeats, first}
