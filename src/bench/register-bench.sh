#!/usr/bin/env bash
# register-bench.sh — the living register's write paths, timed:
#   (a) over HTTP (OGC API - Features Part 4, one keep-alive connection per client): N PATCH edits of one cluster in a
#       row, each with the ETag the last one answered; then N edits of N different clusters from CLIENTS clients at
#       once. Each edit is a cluster row, a history version and a data version in one transaction. Reported per
#       request: median, 90th percentile, maximum; and edits/s.
#   (b) the import command on a register of 5,000 generated clusters (seeded CSV, points in India): a first import
#       (every cluster new: a history version each), a re-import with 10 % of them changed (versions for those only)
#       and an unchanged re-import (none). There is no switch that imports without the history; the unchanged
#       re-import is the same import with no version rows to write. Reported: the import's own time ("Imported … in"),
#       the whole process's wall time (JVM start included) and the history versions each import wrote, counted over
#       HTTP as the growth of the sum of every cluster's latest version number.
# The server runs on a fresh embedded H2GIS store (or PostGIS: REGISTER_BENCH_STORE=postgis with
# CLUSTERGRID_BENCH_POSTGIS_URL, _USER, _PASSWORD; a schema of its own, dropped at the end); the imports run while it
# serves, as an operator's would. BASE=http://host:port KEY=cgk_… (an editor's key) times (a) on a running server
# instead, and skips (b).
# Usage: src/bench/register-bench.sh [N] [CLIENTS]   (default 200 edits, 4 clients; the built jar, /usr/bin/python3, curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200}; CLIENTS=${2:-4}; CLUSTERS=${CLUSTERS:-5000}
JAR=target/clustergrid.jar
PY=/usr/bin/python3
[ -f "$JAR" ] || { echo "build first: mvn -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d /tmp/clustergrid-register-bench.XXXXXX)
SERVER=; STORE_KIND=${REGISTER_BENCH_STORE:-h2gis}
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; fi
  if [ "$STORE_KIND" = postgis ] && [ -z "${BASE_GIVEN:-}" ]; then
    PGPASSWORD=$PG_PASSWORD psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
      -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  [ -n "${KEEP:-}" ] && echo "work folder kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${BASE:-}" ]; then
  BASE_GIVEN=1
  [ -n "${KEY:-}" ] || { echo "BASE needs KEY, an editor's API key" >&2; exit 2; }
  STORE_KIND="running server"
else
  case "$STORE_KIND" in
    h2gis) STORE=(--clustergrid.data-dir="$WORK/data") ;;
    postgis)
      PG_URL=${CLUSTERGRID_BENCH_POSTGIS_URL:?REGISTER_BENCH_STORE=postgis needs CLUSTERGRID_BENCH_POSTGIS_URL}
      PG_USER=${CLUSTERGRID_BENCH_POSTGIS_USER:-postgres}; PG_PASSWORD=${CLUSTERGRID_BENCH_POSTGIS_PASSWORD:-postgres}
      [[ $PG_URL =~ //([^:/]+)(:([0-9]+))?/([^/?]+) ]] || { echo "cannot read $PG_URL" >&2; exit 2; }
      PG_HOST=${BASH_REMATCH[1]}; PG_PORT=${BASH_REMATCH[3]:-5432}; PG_DB=${BASH_REMATCH[4]}
      SCHEMA=register_bench_$$
      STORE=(--clustergrid.store=postgis --clustergrid.postgis.url="$PG_URL" --clustergrid.postgis.user="$PG_USER"
             --clustergrid.postgis.password="$PG_PASSWORD" --clustergrid.postgis.schema="$SCHEMA"
             --clustergrid.data-dir="$WORK/data") ;;
    *) echo "REGISTER_BENCH_STORE is h2gis or postgis" >&2; exit 2 ;;
  esac
  STORE+=(--clustergrid.demo.enabled=false)
  PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  # the README's server command line
  java -XX:+UseParallelGC -Xmx1g -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "${STORE[@]}" \
    > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for i in $(seq 240); do curl -sf "$BASE/api/health" >/dev/null && break; kill -0 $SERVER 2>/dev/null || break; sleep 0.5; done
  curl -sf "$BASE/api/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
  KEY=$(java -jar "$JAR" keys create register-bench --role editor "${STORE[@]}" 2> "$WORK/key.txt" | grep -m1 '^cgk_') \
    || { cat "$WORK/key.txt" >&2; exit 1; }
fi
BASE=${BASE%/}

echo "register bench: $STORE_KIND, $(nproc) cores, server and clients on one machine; $N edits, $CLIENTS clients"
printf '| %-54s | %9s | %9s | %9s | %s |\n' "" median p90 max "total"

# ---- (a) edits over HTTP ----
$PY - "$BASE" "$KEY" "$N" "$CLIENTS" <<'PY'
import http.client, json, statistics, sys, threading, time, urllib.parse

base, key, n, clients = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
u = urllib.parse.urlsplit(base)
ITEMS = "/ogc/features/collections/clusters/items"


def connect():
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def send(c, method, path, body=None, headers=None):
    h = {"X-API-Key": key, "Content-Type": "application/geo+json"}
    h.update(headers or {})
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse()
    return r.status, r.getheader("ETag"), r.read()


def create(c, i):
    s, tag, b = send(c, "POST", ITEMS, {"type": "Feature", "geometry": {"type": "Point",
                     "coordinates": [78 + (i % 100) * 0.05, 20 + (i // 100) * 0.05]},
                     "properties": {"name": f"Bench cluster {i}", "typology": "artisanal_craft", "firms": 10}})
    assert s == 201, (s, b[:200])
    return json.loads(b)["id"], tag


def row(label, ms, total):
    ms = sorted(ms)
    p90 = ms[max(0, int(round(0.9 * len(ms))) - 1)]
    print(f"| {label:<54} | {statistics.median(ms):6.1f} ms | {p90:6.1f} ms | {ms[-1]:6.1f} ms | {total} |", flush=True)


c = connect()
cid, tag = create(c, 0)
# a few edits first, so the first request's costs (JIT, pools) are not the figures
for k in range(20):
    s, tag, b = send(c, "PATCH", f"{ITEMS}/{cid}", {"properties": {"firms": 1000 + k}},
                     {"Content-Type": "application/merge-patch+json", "If-Match": tag})
    assert s == 200, (s, b[:200])
times = []
t0 = time.perf_counter()
for k in range(n):
    t = time.perf_counter()
    s, tag, b = send(c, "PATCH", f"{ITEMS}/{cid}", {"properties": {"firms": 11 + k % 2},
                     "geometry": {"type": "Point", "coordinates": [77.0 + k * 1e-4, 21.0]}},
                     {"Content-Type": "application/merge-patch+json", "If-Match": tag})
    times.append(1000 * (time.perf_counter() - t))
    assert s == 200, (s, b[:200])
wall = time.perf_counter() - t0
row(f"{n} PATCH of one cluster in a row (attribute + point)", times, f"{wall:.1f} s, {n / wall:.0f} edits/s")
t = time.perf_counter()
s, _, b = send(c, "GET", f"/api/clusters/{cid}/history")
hist_ms, hist_kb = 1000 * (time.perf_counter() - t), len(b) // 1024
versions = json.loads(b)["latest"]

targets = [create(c, 1 + i) for i in range(n)]
times, lock = [], threading.Lock()


def client(part):
    cc = connect()
    for cl, tg in part:
        t = time.perf_counter()
        s, _, b = send(cc, "PATCH", f"{ITEMS}/{cl}", {"properties": {"firms": 12}},
                       {"Content-Type": "application/merge-patch+json", "If-Match": tg})
        with lock:
            times.append(1000 * (time.perf_counter() - t))
        assert s == 200, (s, b[:200])


threads = [threading.Thread(target=client, args=(targets[i::clients],)) for i in range(clients)]
t0 = time.perf_counter()
for th in threads:
    th.start()
for th in threads:
    th.join()
wall = time.perf_counter() - t0
assert len(times) == n, f"{len(times)} of {n} edits done"
row(f"{n} PATCH of {n} clusters, {clients} clients at once", times, f"{wall:.1f} s, {n / wall:.0f} edits/s")
print(f"| {'history of the one cluster (' + str(versions) + ' versions), one GET':<54} | {hist_ms:6.1f} ms | "
      f"{'':>9} | {'':>9} | {hist_kb} KB |", flush=True)
PY

# ---- (b) importing a register of 5,000 clusters ----
if [ -n "${BASE_GIVEN:-}" ]; then echo "(imports skipped: BASE given)"; exit 0; fi
$PY - "$WORK" "$CLUSTERS" <<'PY'
import csv, random, sys
work, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
rows = [{"source_id": f"bench-{i:05d}", "name": f"Register bench cluster {i}",
         "sector": rnd.choice(["Textiles", "Light engineering", "Food processing", "Leather", "Ceramics"]),
         "typology": rnd.choice(["artisanal_craft", "low_tech_domestic", "dynamic_export"]),
         "setting": rnd.choice(["rural", "urban"]),
         "firms": rnd.randint(5, 500), "employment": rnd.randint(50, 20000),
         "lat": round(rnd.uniform(8.5, 30.5), 5), "lon": round(rnd.uniform(70.5, 88.5), 5)} for i in range(n)]
for name, rs in (("register", rows),
                 # every tenth cluster changed: more firms, and moved about 1 km north
                 ("register-changed", [dict(r, firms=r["firms"] + 1, lat=round(r["lat"] + 0.01, 5)) if i % 10 == 0
                                       else r for i, r in enumerate(rows)])):
    with open(f"{work}/{name}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rs)
PY
# the history versions of every cluster of the dataset, summed: each cluster's latest version number
versions() {
  $PY - "$BASE" <<'PY'
import json, sys, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, ids, url = sys.argv[1], [], sys.argv[1] + "/ogc/features/collections/clusters/items?limit=1000&filter=" + \
    urllib.parse.quote("dataset = 'register-bench'")
while url:
    d = json.load(urllib.request.urlopen(url, timeout=120))
    ids += [f["id"] for f in d["features"]]
    url = next((l["href"] for l in d.get("links", []) if l.get("rel") == "next"), None)
def latest(i):
    return json.load(urllib.request.urlopen(f"{base}/api/clusters/{i}/history", timeout=120))["latest"]
with ThreadPoolExecutor(4) as pool:
    print(len(ids), sum(pool.map(latest, ids)))
PY
}
before=0
import_row() { # label file
  local start end took n sum
  start=$(date +%s.%N)
  java -jar "$JAR" import clusters "$2" --dataset register-bench --licence CC0-1.0 "${STORE[@]}" > "$WORK/import.txt" 2>&1 \
    || { cat "$WORK/import.txt" >&2; exit 1; }
  end=$(date +%s.%N)
  took=$(grep -m1 "^Imported dataset" "$WORK/import.txt" | sed -E 's/.* in ([0-9.]+ s).*/\1/')
  read -r n sum < <(versions)
  printf '| %-54s | %9s | %9s | %9s | %s |\n' "$1" "$took" "" "" \
    "$(awk "BEGIN{printf \"%.1f\", $end - $start}") s with the JVM; $((sum - before)) history versions written ($n clusters)"
  before=$sum
}
printf '| %-54s | %9s | %9s | %9s | %s |\n' "import clusters, $CLUSTERS records (CSV)" "import" "" "" "whole process"
import_row "first import (all new)" "$WORK/register.csv"
import_row "re-import, 10 % changed (firms +1, moved ~1 km)" "$WORK/register-changed.csv"
import_row "re-import, unchanged" "$WORK/register-changed.csv"
