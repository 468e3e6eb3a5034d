#!/usr/bin/env bash
# Runs the tutorial's shape (Python, redis-py) and Seckill Lab's `watch` with one try per user on the same sale,
# each as a whole process, and prints both wall-clock times and their ratio.
#
#   src/bench/compare-tutorial.sh [USERS] [STOCK] [POOL]        (defaults: 50000 5000 200)
#
# Needs the jar (mvn -B -DskipTests package), a Redis ($REDIS_URL or redis://127.0.0.1:6379) and a Python with
# redis-py (Debian: apt-get install python3-redis). Uses the prefix "compare-tutorial:" and deletes its keys.
# The lab runs twice: with --engine threads (the tutorial's model, a thread per buyer) and --engine loop (one
# event-loop thread holding the same number of connections). JAVA_OPTS is passed to the lab's JVM. TUNED=1 launches it as a short-lived command-line Java program is usually
# launched: C1 only (-XX:TieredStopAtLevel=1) and an application class-data archive (AppCDS, made by a small training
# run into target/seckill-lab.jsa whenever the jar is newer).
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-50000}
STOCK=${2:-5000}
POOL=${3:-200}
URL=${REDIS_URL:-redis://127.0.0.1:6379}
JAR=target/seckill-lab.jar
PREFIX=compare-tutorial:

[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
PY=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import redis' 2>/dev/null; then PY=$candidate; break; fi
done
[ -n "$PY" ] || { echo "no Python with redis-py found (Debian: apt-get install python3-redis)" >&2; exit 2; }

now() { date +%s.%N; }

if [ "${TUNED:-0}" = 1 ]; then
    ARCHIVE=target/seckill-lab.jsa
    if [ ! "$ARCHIVE" -nt "$JAR" ]; then
        # a short bench loads what both engines and the watch strategy need
        java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" bench --redis "$URL" --prefix "$PREFIX" \
            --users 500 --stock 50 --rounds 1 --strategies watch --limit-requests 0 >/dev/null 2>&1
    fi
    JAVA_OPTS="${JAVA_OPTS:-} -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$ARCHIVE"
    echo "The lab's JVM: $JAVA_OPTS"
fi

echo "Sale: $USERS users, $STOCK items, $POOL threads, one try per user, WATCH/MULTI/EXEC; $URL"
t0=$(now)
"$PY" src/main/resources/seckill/tutorial/tutorial_seckill.py --url "$URL" --prefix "$PREFIX" --users "$USERS" --stock "$STOCK" --pool "$POOL"
t1=$(now)
lab() {
    java ${JAVA_OPTS:-} -jar "$JAR" run --redis "$URL" --prefix "$PREFIX" --strategy watch --retries 0 \
        --users "$USERS" --stock "$STOCK" --pool "$POOL" --engine "$1" | sed -n '1,8p'
}
lab threads
t2=$(now)
lab loop
t3=$(now)
java -jar "$JAR" reset --redis "$URL" --prefix "$PREFIX" >/dev/null

python_s=$(echo "$t1 - $t0" | bc -l)
threads_s=$(echo "$t2 - $t1" | bc -l)
loop_s=$(echo "$t3 - $t2" | bc -l)
printf '\nWhole process, wall clock: tutorial %.2f s; Seckill Lab on threads %.2f s (%.1fx faster), on the event loop %.2f s (%.1fx faster)\n' \
    "$python_s" "$threads_s" "$(echo "$python_s / $threads_s" | bc -l)" "$loop_s" "$(echo "$python_s / $loop_s" | bc -l)"
