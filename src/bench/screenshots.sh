#!/usr/bin/env bash
# Makes the pictures in assets/ that the README shows (and its GIF): real windows under Xvfb (apt-get install xvfb libgtk-3-0
# fonts-noto-cjk), each after its sale has ended and been audited. Needs the jar (mvn -B -DskipTests package) and a
# Redis ($REDIS_URL, else 127.0.0.1:6379, else the embedded one). Uses the prefix "demo-ui:" (and "{demo-ui}:" for
# the sale in buckets) and deletes its keys.
#
#   src/bench/screenshots.sh            all of them
set -uo pipefail
cd "$(dirname "$0")/../.."
JAR=target/seckill-lab.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (Debian: apt-get install xvfb libgtk-3-0)" >&2; exit 2; }

CLASS=(--stock 2000 --users 20000 --retries 3 --pace 6)

# shot SIZE FILE OPTIONS…: one window of that size, closed after its sale; the exit code of ui --exit is printed.
# The keys go under $PREFIX, demo-ui: unless set (a sale in buckets needs a hash tag to number them in: {demo-ui}:)
shot() {
    local size=$1 file=$2 prefix=${PREFIX:-demo-ui:}
    shift 2
    xvfb-run -a -s "-screen 0 ${size}x24" java -jar "$JAR" ui --prefix "$prefix" --autostart --exit \
        --screenshot "$file" "$@" 2>/dev/null
    echo "$file: exit $?"
    java -jar "$JAR" reset --prefix "$prefix" >/dev/null
    java -jar "$JAR" reset --prefix "$prefix" --compare naive,watch,lua,decr >/dev/null
}

shot 1600x1000 assets/dashboard.png "${CLASS[@]}"
shot 1600x1000 assets/dashboard-zh-dark.png "${CLASS[@]}" --lang zh --dark
shot 1600x1000 assets/dashboard-loop.png --stock 2000 --users 20000 --retries 3 --engine loop --lang en
shot 1024x768 assets/projector-1024x768.png "${CLASS[@]}" --lang en
shot 1280x720 assets/projector-1280x720-zh.png "${CLASS[@]}" --lang zh
shot 1280x720 assets/projector-1280x720-dark.png "${CLASS[@]}" --lang en --dark
shot 1280x720 assets/compare.png --compare naive,watch,lua --stock 200 --users 5000 --pace 8 --lang en
shot 1280x720 assets/compare-zh-dark.png --compare naive,watch,lua --stock 200 --users 5000 --pace 8 --lang zh --dark
shot 1600x1000 assets/lesson-2.png --lesson 2 --lang en
PREFIX='{demo-ui}:' shot 1280x720 assets/buckets.png --buckets 256 --stock 4000 --users 4300 --strategy lua --pace 6 \
    --lang en

# lesson 1 (naive, the tutorial's numbers) recorded, then its slow motion at 1/30 as the README's GIF
java -jar "$JAR" run --prefix demo-ui: --strategy naive --seed 5 --record /tmp/seckill-lesson-1.jsonl.gz >/dev/null
xvfb-run -a -s "-screen 0 1280x720x24" java -jar "$JAR" ui --replay /tmp/seckill-lesson-1.jsonl.gz --speed 1/30 \
    --gif assets/slow-motion-naive.gif --exit 2>/dev/null | grep Animation
java -jar "$JAR" reset --prefix demo-ui: >/dev/null
rm -f /tmp/seckill-lesson-1.jsonl.gz
