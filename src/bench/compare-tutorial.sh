#!/usr/bin/env bash
# Runs the tutorial's shape (Python, redis-py) and Seckill Lab's `watch` with one try per user on the same sale,
# each as a whole process, and prints both wall-clock times and their ratio.
#
#   src/bench/compare-tutorial.sh [USERS] [STOCK] [POOL]        (defaults: 50000 5000 200)
#
# Needs the jar (mvn -B -DskipTests package), a Redis ($REDIS_URL or redis://127.0.0.1:6379) and a Python with
# redis-py (Debian: apt-get install python3-redis). Uses the prefix "compare-tutorial:" and deletes its keys.
# JAVA_OPTS is passed to the lab's JVM. TUNED=1 launches it as a short-lived command-line Java program is usually
# launched: C1 only (-XX:TieredStopAtLevel=1) and an application class-data archive (AppCDS, made once by a small
# training run into target/seckill-lab.jsa).
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
    if [ ! -f "$ARCHIVE" ]; then
        java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" run --redis "$URL" --prefix "$PREFIX" --users 500 \
            --stock 50 >/dev/null 2>&1
    fi
    JAVA_OPTS="${JAVA_OPTS:-} -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$ARCHIVE"
    echo "The lab's JVM: $JAVA_OPTS"
fi

echo "Sale: $USERS users, $STOCK items, $POOL threads, one try per user, WATCH/MULTI/EXEC; $URL"
t0=$(now)
"$PY" src/bench/tutorial_seckill.py --url "$URL" --prefix "$PREFIX" --users "$USERS" --stock "$STOCK" --pool "$POOL"
t1=$(now)
java ${JAVA_OPTS:-} -jar "$JAR" run --redis "$URL" --prefix "$PREFIX" --strategy watch --retries 0 --users "$USERS" \
    --stock "$STOCK" --pool "$POOL" | sed -n '1,8p'
t2=$(now)
java -jar "$JAR" reset --redis "$URL" --prefix "$PREFIX" >/dev/null

python_s=$(echo "$t1 - $t0" | bc -l)
lab_s=$(echo "$t2 - $t1" | bc -l)
printf '\nWhole process, wall clock: tutorial %.2f s, Seckill Lab %.2f s: the lab is %.1fx faster\n' \
    "$python_s" "$lab_s" "$(echo "$python_s / $lab_s" | bc -l)"
