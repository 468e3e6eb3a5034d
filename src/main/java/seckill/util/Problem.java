package seckill.util;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Something that went wrong, or an invariant found broken, as data: a kind and its fields, in no language yet. The
 * command line prints {@link #english()} (worded with its own options, from {@code problems.properties}); the
 * dashboard renders the same kind through its bundles, so a Chinese window shows no English; the report writes
 * {@link #fields()}.
 *
 * <p>A field may itself be a {@code Problem} (a lost connection inside "gave up after 5 s") or a list of them (every
 * key of the wrong type); they are rendered in the same language, lists joined as that language joins them (its
 * {@value #SEPARATOR}: "; " in English, "；" in Chinese).
 *
 * @param kind what happened
 * @param args its fields, in the order {@link Kind#fields()} names them
 *
 * <p>See docs/ARCHITECTURE.md, "Errors and violations".
 */
public record Problem(Kind kind, List<Object> args) {
    private static final String BUNDLE = "seckill.util.problems";
    /** The key, beside the kinds' keys, of what joins the problems of a list. */
    public static final String SEPARATOR = "list.separator";

    /** Every kind of problem; each has a template in {@code problems.properties} under its key. */
    public enum Kind {
        // Redis, as a person needs to hear it ("where" is the URL with its password masked)
        REDIS_AUTH_NO_PASSWORD_SET("redis.authNoPasswordSet", "where"),
        REDIS_AUTH_FAILED("redis.authFailed", "where"),
        /** The user is known but may not run a command (an ACL without it): Redis's NOPERM, naming it. */
        REDIS_NO_PERMISSION("redis.noPermission", "where", "detail"),
        REDIS_UNKNOWN_HOST("redis.unknownHost", "where", "host"),
        REDIS_REFUSED("redis.refused", "where"),
        REDIS_NO_ANSWER("redis.noAnswer", "where"),
        REDIS_TLS("redis.tls", "where", "detail"),
        REDIS_NO_CONNECTION("redis.noConnection", "where", "detail"),
        REDIS_LOST("redis.lost", "where", "detail"),
        REDIS_ERROR_REPLY("redis.errorReply", "where", "detail"),
        REDIS_FAILED("redis.failed", "where", "detail"),
        /** Redis stayed away longer than the run's limit: the cause, and the limit in seconds. */
        REDIS_GAVE_UP("redis.gaveUp", "cause", "seconds"),
        /** Redis did not answer the stopped run's probe: the cause, and how long it was waited for, in seconds. */
        REDIS_AFTER_STOP("redis.afterStop", "cause", "seconds"),
        /** A call waited longer than the limit without an answer. */
        REDIS_TIMED_OUT("redis.timedOut", "where", "seconds"),
        /** Where the URL came from (an option, the environment), before what went wrong with it. */
        REDIS_FROM("redis.from", "source", "cause"),
        // a Redis URL that cannot be used; none quotes the password or the text after '?'
        URL_EMPTY("url.empty"),
        URL_MALFORMED("url.malformed"),
        URL_SCHEME("url.scheme"),
        URL_OPTIONS("url.options"),
        URL_EMPTY_PORT("url.emptyPort"),
        URL_EMPTY_SEED("url.emptySeed"),
        URL_NO_HOST("url.noHost"),
        URL_PORT("url.port", "port"),
        /** The text after the port's '/' is not a number. */
        URL_DATABASE("url.database", "database"),
        URL_NEGATIVE_DATABASE("url.negativeDatabase", "database"),
        // the sale's keys
        KEY_WRONG_TYPE("sale.keyWrongType", "key", "type", "expected"),
        KEY_NOT_A_NUMBER("sale.keyNotANumber", "key", "value"),
        /** {@code {T}:kill_meta}'s number of buckets is not one a sale can have (a tampered key). */
        BUCKETS_RECORDED("sale.bucketsRecorded", "key", "value", "max"),
        /** A field of a kill_meta that is not what a sale writes there; "allowed" is a problem of the META kinds. */
        META_FIELD("sale.metaField", "key", "field", "value", "allowed"),
        META_WHOLE("sale.metaWhole"),
        META_ONE_OF("sale.metaOneOf", "names"),
        META_EXACTLY("sale.metaExactly", "value"),
        META_NO_BUCKET("sale.metaNoBucket", "prefix"),
        /** A bucket beyond the number {@code {T}:kill_meta} records names the sale as its own. */
        BUCKETS_BEYOND("sale.bucketsBeyond", "key", "recorded", "bucket"),
        /** The last bucket {@code {T}:kill_meta} records does not exist while the first does. */
        BUCKETS_MISSING("sale.bucketsMissing", "key", "recorded", "bucket"),
        /** A run or join under one bucket's own prefix: its users would not go to their bucket. */
        BUCKET_OF_SALE("sale.bucketOfSale", "prefix", "bucket", "sale"),
        JOIN_WRONG_TYPES("sale.joinWrongTypes", "problems"),
        JOIN_NO_SALE("sale.joinNoSale", "prefix", "key"),
        /** Joining with another number of buckets would send users to other buckets: one could win in two. */
        JOIN_BUCKETS("sale.joinBuckets", "recorded", "given"),
        READ_WRONG_TYPES("sale.readWrongTypes", "problems"),
        // a sale's settings: a number as typed ("range" is a RANGE problem), then the rules between settings
        /** A setting's option ({@code --stock}) and what is wrong with its value, a problem of the number kinds. */
        SETTING("setting.value", "option", "problem"),
        RANGE("number.range", "min", "max"),
        /** The range of a field that takes any long (the seed): its bounds are copied, not read, so not grouped. */
        RANGE_UNGROUPED("number.rangeUngrouped", "min", "max"),
        NUMBER_EMPTY("number.empty", "range"),
        /** Not a whole number, or digit groups that are not groups of three ("1,5"); the text, shortened. */
        NUMBER_MALFORMED("number.malformed", "range", "text"),
        NUMBER_NEGATIVE("number.negative", "range"),
        NUMBER_ZERO("number.zero", "range"),
        NUMBER_OUT_OF_RANGE("number.outOfRange", "range", "value"),
        /** Beyond any long: not a typo worth quoting back; the limit it passed (the field's max or min). */
        NUMBER_ABSURD("number.absurd", "range", "limit"),
        NUMBER_ABSURDLY_SMALL("number.absurdlySmall", "range", "limit"),
        NO_STRATEGY("run.noStrategy", "names"),
        PACE_AND_SPREAD("run.paceAndSpread"),
        PACE_OVER_DURATION("run.paceOverDuration", "duration"),
        /** The event loop does not wait for replicas (WAIT): a sale that must goes with the threads engine. */
        WAIT_REPLICAS_LOOP("run.waitReplicasLoop"),
        /** A master the sale writes to has fewer replicas than {@code --wait-replicas}: no win could be confirmed. */
        WAIT_REPLICAS_MISSING("run.waitReplicasMissing", "wanted", "where", "replicas"),
        BUCKETS_OVER_STOCK("run.bucketsOverStock", "stock"),
        BUCKETS_AND_TRACE("run.bucketsAndTrace"),
        COMPARE_EMPTY("compare.empty", "names"),
        COMPARE_TWICE("compare.twice", "strategies"),
        COMPARE_AND_STRATEGY("compare.andStrategy"),
        ONE_AT_A_TIME_ALONE("compare.oneAtATimeAlone"),
        START_AT_COMPARE("compare.startAt"),
        // the run
        LOOP_NO_TLS("run.loopNoTls"),
        /** On a Redis Cluster a sale's keys must share a slot: the prefix needs a hash tag. */
        PREFIX_NO_HASH_TAG("cluster.prefixNoHashTag", "prefix", "example"),
        /** Buckets are numbered in the prefix's hash tag: a prefix without one cannot be split. */
        BUCKETS_NO_HASH_TAG("run.bucketsNoHashTag", "prefix", "example"),
        LOOP_FAILED("run.loopFailed", "cause"),
        // a recording read back ({@code run --record}); "lines" are the complete lines read
        RECORDING_UNREADABLE("recording.unreadable", "file", "detail"),
        RECORDING_NOT_JSON("recording.notJson", "file"),
        RECORDING_NOT_A_RECORDING("recording.notARecording", "file"),
        RECORDING_NEWER("recording.newer", "file", "version", "supported"),
        RECORDING_CUT_SHORT("recording.cutShort", "file", "lines"),
        RECORDING_NO_END("recording.noEnd", "file", "lines"),
        RECORDING_BAD_LINE("recording.badLine", "file", "line"),
        NOT_AUDITED("run.notAudited", "cause"),
        // this process's limits against what the sale needs ({@code ProcessLimits}): the limit, then --pool
        /** Fewer open files allowed than the buyers' connections need, with the files open already. */
        OPEN_FILES_LIMIT("limit.openFiles", "limit", "pool", "needed", "open", "fits"),
        /** The open files limit was reached mid-sale: a connection could not be opened. */
        OPEN_FILES_REACHED("limit.openFilesReached", "limit", "pool"),
        /** The heap (-Xmx) cannot hold the threads' connections. */
        HEAP_LIMIT("limit.heap", "mib", "pool", "needed", "fits"),
        /** The direct memory (the loop's buffers) cannot hold its connections. */
        DIRECT_MEMORY_LIMIT("limit.directMemory", "mib", "pool", "needed", "fits"),
        /** The heap was nearly full after a collection mid-sale: the sale was stopped before it spun or failed. */
        HEAP_EXHAUSTED("limit.heapExhausted", "mib", "used", "pool"),
        // the audit's findings
        NO_SALE("audit.noSale", "key"),
        OVERSOLD("audit.oversold", "sold", "total", "excess"),
        WINNERS_MISMATCH("audit.winnersMismatch", "winners", "sold"),
        WON_TWICE("audit.wonTwice", "extra", "first"),
        /** The client confirmed more wins than Redis holds sold: a win was counted that did not happen. */
        CONFIRMED_OVER_SOLD("audit.confirmedOverSold", "confirmed", "sold"),
        /** Users the client told they won are not in kill_user: acknowledged wins lost (a failover, say). */
        LOST_WINS("audit.lostWins", "lost", "first"),
        /** Winners in a bucket that their id does not route to: a user could then win in two buckets. */
        BUCKET_STRAYS("audit.bucketStrays", "bucket", "count", "first");

        private final String key;
        private final List<String> fields;

        Kind(String key, String... fields) {
            this.key = key;
            this.fields = List.of(fields);
        }

        /** The template's key, e.g. {@code audit.oversold}; also the report's name for the kind. */
        public String key() {
            return key;
        }

        public List<String> fields() {
            return fields;
        }
    }

    public Problem {
        args = List.copyOf(args);
        if (args.size() != kind.fields().size()) {
            throw new IllegalArgumentException(kind + " takes " + kind.fields() + ", got " + args.size());
        }
    }

    public static Problem of(Kind kind, Object... args) {
        return new Problem(kind, List.of(args));
    }

    /** The field of that name (as {@link Kind#fields()} names it). */
    public Object get(String field) {
        int i = kind.fields().indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(kind + " has no field " + field);
        }
        return args.get(i);
    }

    /** One line in English, as the command line words it. */
    public String english() {
        return render(ENGLISH, Locale.ROOT);
    }

    /** Several problems in English, joined by its {@value #SEPARATOR}. */
    public static String english(List<Problem> problems) {
        return problems.stream().map(Problem::english).collect(Collectors.joining(ENGLISH.apply(SEPARATOR)));
    }

    /** The problem in some language: {@code templates} gives the pattern for a kind's key. */
    public String render(Function<String, String> templates, Locale locale) {
        Object[] resolved = new Object[args.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = resolve(args.get(i), templates, locale);
        }
        return new MessageFormat(templates.apply(kind.key), locale).format(resolved);
    }

    private static Object resolve(Object arg, Function<String, String> templates, Locale locale) {
        if (arg instanceof Problem p) {
            return p.render(templates, locale);
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(o -> String.valueOf(resolve(o, templates, locale)))
                    .collect(Collectors.joining(templates.apply(SEPARATOR)));
        }
        return arg;
    }

    /** For the report: {@code kind} and each field by name, nested problems as their own maps. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind.key);
        for (int i = 0; i < args.size(); i++) {
            out.put(kind.fields().get(i), asField(args.get(i)));
        }
        return out;
    }

    private static Object asField(Object arg) {
        if (arg instanceof Problem p) {
            return p.fields();
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(Problem::asField).toList();
        }
        return arg;
    }

    @Override
    public String toString() {
        return english();
    }

    private static final Function<String, String> ENGLISH = new Function<>() {
        private final ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                Problem.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        @Override
        public String apply(String key) {
            return bundle.getString(key);
        }
    };
}
