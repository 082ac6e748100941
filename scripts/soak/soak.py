#!/usr/bin/env python3
"""Soak run: several Parallax instances on one PostgreSQL, many channels with a digest every minute.

One instance is killed with SIGKILL midway and restarted. A fake chat platform on loopback (this
script) records every message that arrives; at the end the record is checked: every channel got
exactly one digest for every minute, and no message arrived twice.

    scripts/soak/soak.py --instances 3 --channels 500 --minutes 10

Needs: python3, psql, a built target/parallax.jar, and a PostgreSQL server (default: the local one,
database "test", user "postgres"; each run gets a schema of its own, dropped afterwards unless --keep).
"""
import argparse
import datetime as dt
import http.server
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def now():
    return time.time()


def iso(t):
    return dt.datetime.fromtimestamp(t, dt.timezone.utc).strftime("%H:%M:%S.%f")[:-3]


class Platform:
    """The fake chat platform: keeps every arrival, answers its id, and looks messages up by key."""

    def __init__(self, record_path):
        self.lock = threading.Lock()
        self.ids = {}
        self.arrivals = []
        self.record = open(record_path, "w")

    def post(self, body):
        with self.lock:
            n = len(self.arrivals) + 1
            msg_id = "m%d" % n
            self.ids.setdefault(body["key"], msg_id)
            arrival = {"t": now(), "key": body["key"], "channel": body["channel"], "kind": body["kind"], "id": msg_id}
            self.arrivals.append(arrival)
            self.record.write(json.dumps(arrival) + "\n")
            self.record.flush()
            return msg_id

    def find(self, key):
        with self.lock:
            return self.ids.get(key)


def serve(platform):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else Nagle and delayed ACKs add ~40 ms to every answer on loopback

        def log_message(self, *args):
            pass

        def answer(self, status, payload):
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            self.answer(200, {"id": platform.post(body)})

        def do_GET(self):
            key = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("key", [""])[0]
            found = platform.find(key)
            self.answer(200 if found else 404, {"id": found} if found else {"error": "unknown"})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


WORDS = "the a of in and to on for with at by from after before over".split()


def article(minute_index, rng):
    """A story of its own for each minute: made-up names and words no other minute uses."""
    def word():
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
    names = [word().capitalize() for _ in range(4)]
    title = "%s council in %s approves %s plan" % (names[0], names[1], word())
    sentences = []
    for _ in range(8):
        parts = [rng.choice(names) if rng.random() < 0.3 else (rng.choice(WORDS) if rng.random() < 0.3 else word())
                 for _ in range(rng.randint(9, 16))]
        sentences.append(" ".join(parts).capitalize() + ".")
    return "%s\n\n%s said on Monday that %d %s would follow. %s\n" % (
        title, names[2], 10 + minute_index, word(), " ".join(sentences))


class Instance:
    def __init__(self, name, args, config, url, env, work):
        self.name, self.args, self.config, self.url, self.env, self.work = name, args, config, url, env, work
        self.proc = None
        self.incarnation = 0
        self.peaks = []  # peak RSS (MB) of each incarnation

    def start(self):
        self.incarnation += 1
        log = open(os.path.join(self.work, "%s-%d.log" % (self.name, self.incarnation)), "w")
        cmd = ["java", "-Xmx%dm" % self.args.heap_mb, "-jar", os.path.join(ROOT, "target", "parallax.jar"),
               "--config", self.config, "--db", self.url, "run"]
        self.proc = subprocess.Popen(cmd, cwd=self.work, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.peaks.append(0)

    def sample(self):
        if self.proc and self.proc.poll() is None:
            try:
                with open("/proc/%d/status" % self.proc.pid) as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            self.peaks[-1] = max(self.peaks[-1], int(line.split()[1]) // 1024)
            except OSError:
                pass


def psql(args, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", args.pg_host, "-p", str(args.pg_port), "-U",
                    args.pg_user, "-d", args.pg_db, "-c", sql], check=True, stdout=subprocess.DEVNULL)


def query(args, schema, sql):
    out = subprocess.run(["psql", "-At", "-h", args.pg_host, "-p", str(args.pg_port), "-U", args.pg_user, "-d",
                          args.pg_db, "-c", "SET search_path = %s; %s" % (schema, sql)], check=True,
                         capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line and line != "SET"]


def config_text(args, inbox):
    lines = [
        "[ingest]", "folders = [%s]" % json.dumps(inbox), "",
        "[scheduler]", "poll_interval_seconds = 10", "outbox_interval_seconds = 1",
        "checkin_interval_seconds = %d" % args.checkin, "outbox_lease_seconds = %d" % args.lease,
        "first_digest_look_back_hours = 1", "shutdown_timeout_seconds = 30", "",
        "[database]", "pool_size = %d" % args.pool, "",
        "[ops]", "port = 0", "",
    ]
    for i in range(args.channels):
        lines += ["[[channels]]", 'id = "webhook:c%04d"' % i, 'schedule = "* * * * *"', ""]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--instances", type=int, default=3)
    p.add_argument("--channels", type=int, default=500)
    p.add_argument("--minutes", type=int, default=10)
    p.add_argument("--kill-at-minute", type=int, default=None, help="default: halfway")
    p.add_argument("--restart-after", type=int, default=30, help="seconds the killed instance stays down")
    p.add_argument("--checkin", type=int, default=10)
    p.add_argument("--lease", type=int, default=15)
    p.add_argument("--pool", type=int, default=10)
    p.add_argument("--heap-mb", type=int, default=512)
    p.add_argument("--pg-host", default="127.0.0.1")
    p.add_argument("--pg-port", type=int, default=5432)
    p.add_argument("--pg-db", default="test")
    p.add_argument("--pg-user", default="postgres")
    p.add_argument("--keep", action="store_true", help="keep the schema and the work folder")
    args = p.parse_args()
    kill_minute = args.kill_at_minute if args.kill_at_minute is not None else args.minutes // 2

    if not os.path.isfile(os.path.join(ROOT, "target", "parallax.jar")):
        sys.exit("soak: build first: mvn -B -q -DskipTests package")
    work = tempfile.mkdtemp(prefix="parallax-soak-")
    inbox = os.path.join(work, "inbox")
    os.makedirs(inbox)
    schema = "soak_%d" % int(now())
    psql(args, "CREATE SCHEMA %s" % schema)
    url = "jdbc:postgresql://%s:%d/%s?user=%s&currentSchema=%s" % (args.pg_host, args.pg_port, args.pg_db,
                                                                   args.pg_user, schema)
    config = os.path.join(work, "soak.toml")
    with open(config, "w") as f:
        f.write(config_text(args, inbox))
    platform = Platform(os.path.join(work, "arrivals.jsonl"))
    server = serve(platform)
    env = dict(os.environ, PARALLAX_WEBHOOK_URL="http://127.0.0.1:%d/post" % server.server_address[1],
               PARALLAX_LOG_LEVEL="INFO", TZ="UTC")
    instances = [Instance("node%d" % (i + 1), args, config, url, env, work) for i in range(args.instances)]
    events = []
    print("soak: %d instances, %d channels, %d minutes, work folder %s, schema %s" % (
        args.instances, args.channels, args.minutes, work, schema), flush=True)

    # The first instance migrates the empty schema; the others start once it is up.
    instances[0].start()
    deadline = now() + 120
    while not query_ok(args, schema) and now() < deadline:
        if instances[0].proc.poll() is not None:
            sys.exit("soak: the first instance stopped at start-up; see %s" % work)
        time.sleep(1)
    for inst in instances[1:]:
        inst.start()
    started = now()
    first_period = (int(started) // 60 + 1) * 60 + 60  # the second full minute: every instance is up by then
    end = first_period + args.minutes * 60
    rng = random.Random(7)
    fed = set()
    killed = restarted = None
    victim = instances[1 % len(instances)]
    kill_time = first_period + kill_minute * 60 + 2  # two seconds into a minute: digests in full swing

    while now() < end + 20:
        t = now()
        minute = int(t) // 60
        if t % 60 >= 40 and minute not in fed and t < end:
            fed.add(minute)
            with open(os.path.join(inbox, "m%d.txt" % minute), "w") as f:
                f.write(article(len(fed), rng))
        if killed is None and t >= kill_time:
            victim.sample()
            victim.proc.send_signal(signal.SIGKILL)
            victim.proc.wait()
            killed = now()
            events.append(("killed", victim.name, killed))
            print("soak: %s killed with SIGKILL at %s" % (victim.name, iso(killed)), flush=True)
        if killed is not None and restarted is None and t >= killed + args.restart_after:
            victim.start()
            restarted = now()
            events.append(("restarted", victim.name, restarted))
            print("soak: %s restarted at %s" % (victim.name, iso(restarted)), flush=True)
        for inst in instances:
            inst.sample()
        time.sleep(0.5)

    for inst in instances:
        inst.sample()
        inst.proc.send_signal(signal.SIGTERM)
    for inst in instances:
        inst.proc.wait(timeout=90)
    stopped = now()
    report(args, platform, instances, schema, first_period, end, killed, restarted, started, work)
    if not args.keep:
        psql(args, "DROP SCHEMA %s CASCADE" % schema)
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("soak: kept %s and schema %s" % (work, schema))
    server.shutdown()
    return 0 if stopped else 1


def query_ok(args, schema):
    try:
        return bool(query(args, schema, "SELECT count(*) FROM qrtz_locks"))
    except subprocess.CalledProcessError:
        return False


def report(args, platform, instances, schema, first_period, end, killed, restarted, started, work):
    arrivals = platform.arrivals
    by_key = {}
    for a in arrivals:
        by_key.setdefault(a["key"], []).append(a)
    doubles = {k: v for k, v in by_key.items() if len(v) > 1}
    periods = list(range(first_period, end, 60))
    expected = {"webhook:c%04d|%s|header" % (c, dt.datetime.fromtimestamp(p, dt.timezone.utc)
                                              .strftime("%Y-%m-%dT%H:%M:%SZ")) for c in range(args.channels)
                for p in periods}
    missing = sorted(k for k in expected if k not in by_key)
    undelivered = query(args, "%s" % schema, "SELECT count(*) FROM outbox WHERE status <> 'done'")[0]
    outbox_rows = int(query(args, schema, "SELECT count(*) FROM outbox")[0])
    # How long after each minute began its last header arrived (all channels served).
    lateness = []
    for p in periods:
        stamp = dt.datetime.fromtimestamp(p, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        times = [a["t"] for a in arrivals if a["kind"] == "DigestHeader" and ("|%s|" % stamp) in a["key"]]
        lateness.append((stamp, len(times), (max(times) - p) if times else None))
    in_window = [a for a in arrivals if first_period <= a["t"] < end + 20]
    print()
    print("=== soak report ===")
    print("instances %d, channels %d, minutes %d (periods %s .. %s), check-in %d s, outbox lease %d s" % (
        args.instances, args.channels, len(periods), lateness[0][0], lateness[-1][0], args.checkin, args.lease))
    print("messages arrived: %d (%d distinct keys); outbox rows %d, not done at the end: %s" % (
        len(arrivals), len(by_key), outbox_rows, undelivered))
    print("digests expected (one header per channel and minute): %d; missing: %d; keys posted twice: %d" % (
        len(expected), len(missing), len(doubles)))
    for k in missing[:10]:
        print("  missing: %s" % k)
    for k, v in list(doubles.items())[:10]:
        print("  twice: %s at %s" % (k, ", ".join(iso(a["t"]) for a in v)))
    print("throughput: %.0f digests/min, %.1f messages/s averaged over the run" % (
        len(expected) / max(1, len(periods)), len(in_window) / max(1.0, (end - first_period))))
    print("minute by minute: headers arrived, and when the last one came (seconds after the minute began):")
    for stamp, n, late in lateness:
        print("  %s  %4d  %s" % (stamp, n, "%.1f" % late if late is not None else "-"))
    if killed:
        kill_minute = int(killed) // 60 * 60
        print("killed at %s, restarted at %s" % (iso(killed), iso(restarted) if restarted else "-"))
        takeover = takeover_seconds(instances, killed)
        print("takeover (a survivor's Quartz found the dead instance and recovered its work): %s" % (
            "%.1f s after the kill" % takeover if takeover is not None else "not seen in the logs"))
        normal = [late for stamp, n, late in lateness if late is not None]
        print("the minute of the kill finished %.1f s after it began (median minute: %.1f s)" % (
            next((late for stamp, n, late in lateness if stamp == dt.datetime.fromtimestamp(
                kill_minute, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") and late is not None), float("nan")),
            sorted(normal)[len(normal) // 2] if normal else float("nan")))
    for inst in instances:
        print("peak RSS %s: %s MB (per incarnation), heap capped at %d MB" % (
            inst.name, ", ".join(str(p) for p in inst.peaks), args.heap_mb))
    ok = not missing and not doubles and undelivered == "0"
    print("RESULT: %s" % ("PASS: no digest lost, none posted twice" if ok else "FAIL"))


def takeover_seconds(instances, killed):
    """The first survivor log line saying Quartz detected a failed instance, after the kill."""
    pattern = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) .*(detected \d+ failed or restarted instances"
                         r"|digest resumed on this instance)")
    best = None
    for inst in instances:
        for n in range(1, inst.incarnation + 1):
            path = os.path.join(inst.work, "%s-%d.log" % (inst.name, n))
            if not os.path.exists(path):
                continue
            with open(path, errors="replace") as f:
                for line in f:
                    m = pattern.match(line)
                    if not m:
                        continue
                    day = dt.datetime.fromtimestamp(killed, dt.timezone.utc)
                    t = day.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=int(m.group(3)),
                                    microsecond=int(m.group(4)) * 1000).timestamp()
                    if t > killed and (best is None or t < best):
                        best = t
    return best - killed if best is not None else None


if __name__ == "__main__":
    sys.exit(main())
