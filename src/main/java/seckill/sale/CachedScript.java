package seckill.sale;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import seckill.redis.Batch;
import seckill.redis.RawCalls;

/**
 * A Lua script called by EVALSHA once loaded. A server that lost its script cache (a restart, SCRIPT FLUSH)
 * answers NOSCRIPT; the call is then sent once more with the script itself (EVAL), which caches it again.
 */
final class CachedScript {
    private final String text;
    private final byte[] source;
    private volatile byte[] sha;

    CachedScript(String text) {
        this.text = text;
        this.source = RawCalls.bytes(text);
    }

    void load(Jedis jedis) {
        sha = RawCalls.bytes(jedis.scriptLoad(text));
    }

    /** Writes a call: EVALSHA when the script is known to be loaded, else EVAL. */
    void call(Batch out, byte[] keyCount, byte[]... keysAndArgs) {
        byte[] known = sha;
        write(out, known != null ? Command.EVALSHA : Command.EVAL, known != null ? known : source, keyCount,
                keysAndArgs);
    }

    /** Writes the call with the script itself, after a NOSCRIPT. */
    void resend(Batch out, byte[] keyCount, byte[]... keysAndArgs) {
        write(out, Command.EVAL, source, keyCount, keysAndArgs);
    }

    static boolean isNoScript(Object reply) {
        return reply instanceof JedisNoScriptException;
    }

    private static void write(Batch out, Command command, byte[] script, byte[] keyCount, byte[]... keysAndArgs) {
        byte[][] args = new byte[keysAndArgs.length + 2][];
        args[0] = script;
        args[1] = keyCount;
        System.arraycopy(keysAndArgs, 0, args, 2, keysAndArgs.length);
        out.add(command, args);
    }
}
