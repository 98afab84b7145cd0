#!/usr/bin/env python3
"""Benchmark of `storywatch run` (the daemon issue): latency, idle CPU, idle RSS.

1. Latency: 1,000 generated articles of about 5 KB, a proposal then its refusal across rotating pairs
   of countries (every article raises one development: the proposal opens the storyline, reported
   as kind "new", which the bench config enables; the refusal is a reversal). Each article is
   written outside the corpus, then renamed into it; the time from the rename to the webhook request
   received on 127.0.0.1 is measured (one article at a time). In the same run, the same files are
   renamed into a second folder watched by the plumbing-only floor
   `inotifywait -m -e moved_to,close_write DIR | while read …; do curl -s -X POST …; done`, which
   posts each file name to the same kind of receiver. Targets: p50 ≤ 3 ms, p99 ≤ 10 ms, and the
   daemon's p50 at most half the floor's.
2. Idle: the daemon restarted over 10,000 files (the articles and 9,000 short notes; the catch-up
   scan processes the new ones), READY=1 awaited, a short settle, then CPU time (utime + stime from
   /proc/PID/stat) over 60 s and VmRSS at the end. WATCHDOG_USEC is set as the unit does
   (WatchdogSec=30s), so the watchdog pings are the only expected wake-ups. Targets: ≤ 0.5 s CPU,
   ≤ 40 MB RSS.

The articles are generated from templates here (countries are real, everything else invented).
Installs inotify-tools when `inotifywait` is missing (Debian). Everything binds 127.0.0.1, every
wait is bounded, every process started here is stopped. Prints each figure and whether its target
is met; exit status 2 on a setup error, 1 with --check when a target is missed, else 0.

Usage: daemon-bench.py [--check] [--articles N] [--idle-seconds S] [--idle-files N] PATH/TO/storywatch
(build it with `swift build -c release --product storywatch`).
"""
import argparse
import http.server
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "e2e"))
from harness import Notify  # noqa: E402

# (country, adjective, capital) — all in the shipped dictionaries.
COUNTRIES = [
    ("Norway", "Norwegian", "Oslo"), ("Sweden", "Swedish", "Stockholm"), ("Finland", "Finnish", "Helsinki"),
    ("Denmark", "Danish", "Copenhagen"), ("Poland", "Polish", "Warsaw"), ("Hungary", "Hungarian", "Budapest"),
    ("Austria", "Austrian", "Vienna"), ("Portugal", "Portuguese", "Lisbon"), ("Spain", "Spanish", "Madrid"),
    ("Italy", "Italian", "Rome"), ("Greece", "Greek", "Athens"), ("Romania", "Romanian", "Bucharest"),
    ("Bulgaria", "Bulgarian", "Sofia"), ("Croatia", "Croatian", "Zagreb"), ("Estonia", "Estonian", "Tallinn"),
    ("Latvia", "Latvian", "Riga"), ("Lithuania", "Lithuanian", "Vilnius"), ("Moldova", "Moldovan", "Chisinau"),
    ("Armenia", "Armenian", "Yerevan"), ("Kazakhstan", "Kazakh", "Astana"), ("Morocco", "Moroccan", "Rabat"),
    ("Tunisia", "Tunisian", "Tunis"), ("Egypt", "Egyptian", "Cairo"), ("Kenya", "Kenyan", "Nairobi"),
    ("Uganda", "Ugandan", "Kampala"), ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Nigeria", "Nigerian", "Abuja"),
    ("Ghana", "Ghanaian", "Accra"), ("Senegal", "Senegalese", "Dakar"), ("Chile", "Chilean", "Santiago"),
    ("Peru", "Peruvian", "Lima"), ("Argentina", "Argentine", "Buenos Aires"), ("Brazil", "Brazilian", "Brasilia"),
    ("Colombia", "Colombian", "Bogota"), ("Canada", "Canadian", "Ottawa"), ("Japan", "Japanese", "Tokyo"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"), ("Ireland", "Irish", "Dublin"), ("Slovakia", "Slovak", "Bratislava"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
MINISTERS = ["Anna Berg", "Tomas Lind", "Maria Costa", "Jon Ek", "Elena Ruiz", "Pavel Novak", "Sara Holm",
             "Ivan Petrov", "Lucia Moreno", "Kofi Mensah", "Amina Diallo", "Hiro Tanaka"]

# Background sentences with no actors and no actions (checked: `storywatch extract` finds no event).
FILLER = [
    "The river level in the old town stood at {a}.{b} metres, a little above the seasonal average.",
    "Rainfall over the weekend was {a} millimetres, with the heaviest showers in the late afternoon.",
    "The municipal library counted {c} visitors in the week, most of them students preparing for exams.",
    "Tram line {a} ran on a reduced timetable because of track work near the central market.",
    "The orchestra's spring season includes {a} concerts, with tickets priced from {b} to {c} in local currency.",
    "At the fish market, prices for sardines were about {b} percent higher than a month earlier.",
    "The botanical garden's glasshouse, built more than {c} years ago, is due for a new roof next year.",
    "Local bakers said flour deliveries had been regular and that bread prices were stable.",
    "The football club's youth team finished the season in {a}th place with {b} wins.",
    "A survey of {c} households found that most spend less than an hour a day commuting.",
    "The harbour ferry carried {c} passengers on its busiest day, a record for the month.",
    "Hotel occupancy in the capital was {b} percent, in line with the same period last year.",
    "Temperatures are expected to reach {a} degrees by midweek, with light winds from the west.",
    "The city's oldest bookshop marked its {b}th anniversary with a reading in its back room.",
    "Cyclists now make up about {a} percent of morning traffic on the main bridge, a recent count showed.",
    "The university's observatory will hold open evenings on the first {a} Fridays of the month.",
    "Street lighting along the river promenade is being replaced with lamps that use less power.",
    "The zoo's new enclosure houses {a} red pandas, which arrived in the spring.",
]


def proposal(pair, n):
    (a, a_adj, a_cap), (b, b_adj, _) = pair
    month, day = MONTHS[n % 12], n % 26 + 1
    minister = MINISTERS[n % len(MINISTERS)]
    count = NUMBERS[n % len(NUMBERS)]
    return (f"{a.upper()} PROPOSES EXPELLING {count.upper()} {b_adj.upper()} DIPLOMATS\n\n"
            f"    {a_cap.upper()}, {month} {day} (Wirenews) - {a}'s foreign minister {minister} has proposed expelling "
            f"{count} {b_adj} diplomats in a dispute over visa rules, officials said.\n"
            f"    The proposal needs the approval of the president, who has the final say.\n")


def refusal(pair, n):
    (a, a_adj, a_cap), (b, b_adj, _) = pair
    month, day = MONTHS[n % 12], n % 26 + 2
    return (f"{a.upper()} WILL NOT EXPEL {b_adj.upper()} DIPLOMATS, PRESIDENT SAYS\n\n"
            f"    {a_cap.upper()}, {month} {day} (Wirenews) - {a}'s president said that his country would not expel "
            f"any {b_adj} diplomats, rejecting the proposal of his foreign minister.\n")


def filler(rng, n, size):
    """Background paragraphs, unique to article n, until the text is about `size` bytes."""
    paragraphs, total = [], 0
    while total < size:
        sentences = [rng.choice(FILLER).format(a=rng.randint(2, 40), b=rng.randint(10, 99), c=rng.randint(100, 9000))
                     for _ in range(rng.randint(2, 4))]
        paragraph = f"    (Item {n}.{len(paragraphs) + 1}) " + " ".join(sentences) + "\n"
        paragraphs.append(paragraph)
        total += len(paragraph)
    return "".join(paragraphs)


def pairs():
    """Unordered pairs of countries, rotating so consecutive pairs share no country where possible."""
    count = len(COUNTRIES)
    for step in range(1, count // 2 + 1):
        for i in range(count):
            j = (i + step) % count
            if step * 2 == count and i >= j:
                continue
            yield COUNTRIES[i], COUNTRIES[j]


def generate(folder, articles, size=5000):
    """Writes the articles; returns their names in the order they are renamed in (proposal, refusal)."""
    rng = random.Random(20260301)
    names = []
    for n, pair in zip(range(articles // 2), pairs()):
        for kind, head in (("a", proposal(pair, n)), ("b", refusal(pair, n))):
            name = f"{n:04d}{kind}-{pair[0][0].lower()}-{pair[1][0].lower()}.txt"
            body = head + filler(rng, n * 2 + (kind == "b"), size - len(head) - 40)
            body += " (Reporting by Wirenews staff)\n"
            with open(os.path.join(folder, name), "w") as f:
                f.write(body)
            names.append(name)
    return names


def note(i):
    return f"Notebook {i}: the tram depot on the east side counted {i % 97 + 3} visitors in the first hour.\n"


# MARK: Plumbing

class Receiver:
    """An HTTP/1.1 receiver on 127.0.0.1 that notes when each request arrived, keyed by `key(body)`."""

    def __init__(self, key):
        self.arrivals = {}
        self.counts = {}
        self.cond = threading.Condition()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def parse_request(self):
                # Called as soon as the request line has been read: the moment the request arrived,
                # before Python parses the headers (the same for the daemon and the floor).
                self.arrived = time.perf_counter()
                return super().parse_request()

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                now = self.arrived
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                try:
                    name = key(body)
                except ValueError:
                    name = None
                with outer.cond:
                    outer.counts[name] = outer.counts.get(name, 0) + 1
                    outer.arrivals.setdefault(name, now)
                    outer.cond.notify_all()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, name, timeout):
        with self.cond:
            self.cond.wait_for(lambda: name in self.arrivals, timeout)
            return self.arrivals.get(name)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def subject(body):
    return os.path.basename(json.loads(body)["subject"])


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(p / 100 * (len(ordered) - 1)))))
    return ordered[index]


def summary(latencies):
    ms = [x * 1000 for x in latencies]
    return {"n": len(ms), "p50": percentile(ms, 50), "p90": percentile(ms, 90), "p99": percentile(ms, 99),
            "max": max(ms) if ms else float("nan")}


def measure(names, stage, folder, receiver, gap):
    """Renames each staged file into `folder`, one at a time; seconds from rename to arrival."""
    latencies, missing = [], []
    for name in names:
        time.sleep(gap)
        start = time.perf_counter()
        os.rename(os.path.join(stage, name), os.path.join(folder, name))
        arrived = receiver.wait(name, 5)
        if arrived is None:
            missing.append(name)
        else:
            latencies.append(arrived - start)
    return latencies, missing


def ensure_inotifywait():
    if shutil.which("inotifywait"):
        return True
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("installing inotify-tools", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "check": False}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], **quiet)
    subprocess.run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "inotify-tools"],
                   **quiet)
    return shutil.which("inotifywait") is not None


def start_daemon(binary, config, notify, log, watchdog_usec=None):
    env = dict(os.environ, NOTIFY_SOCKET=notify.path)
    env.pop("WATCHDOG_USEC", None)
    env.pop("WATCHDOG_PID", None)
    if watchdog_usec:
        env["WATCHDOG_USEC"] = str(watchdog_usec)
    process = subprocess.Popen([binary, "run", "--config", config, "--log-level", "warning"], env=env,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    if not notify.wait_for("READY=1", 300):
        stop(process)
        raise RuntimeError("the daemon did not say READY=1")
    return process


def stop(process, timeout=30):
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime (fields 14, 15)


def status_field(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return line.split()[1]
    return None


def context_switches(pid):
    """Context switches per thread id (a thread that exits takes its count with it)."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                counts[task] = sum(int(line.split()[1]) for line in f if "ctxt_switches" in line)
        except FileNotFoundError:
            pass
    return counts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Scraper:
    """GETs /metrics once a second, as Prometheus would, until stopped; counts the 200s."""

    def __init__(self, port):
        self.port, self.count, self.done = port, 0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.done.wait(1.0):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/metrics", timeout=5) as reply:
                    self.count += reply.status == 200
            except OSError:
                pass

    def stop(self):
        self.done.set()
        self.thread.join(timeout=10)
        return self.count


def switches_between(before, after):
    """Switches made between two readings by the threads alive at both, plus those of new threads."""
    return sum(n - before.get(task, 0) for task, n in after.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--idle-files", type=int, default=10_000)
    parser.add_argument("--gap", type=float, default=0.02, help="pause before each rename (s)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--http", action="store_true",
                        help="run the daemon with its [http] listener on 127.0.0.1 (scraped once a second)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"no executable at {binary}")
        return 2
    if not ensure_inotifywait():
        print("inotifywait is missing and inotify-tools could not be installed")
        return 2

    work = tempfile.mkdtemp(prefix="storywatch-daemon-bench-")
    processes = []
    receivers = []
    daemon = None
    log = open(os.path.join(work, "daemon.log"), "w")
    try:
        stage, stage2 = os.path.join(work, "stage"), os.path.join(work, "stage-floor")
        corpus, floor = os.path.join(work, "corpus"), os.path.join(work, "floor")
        state = os.path.join(work, "state")
        for folder in (stage, stage2, corpus, floor):
            os.mkdir(folder)
        names = generate(stage, args.articles)
        for name in names:
            shutil.copyfile(os.path.join(stage, name), os.path.join(stage2, name))
        size = sum(os.path.getsize(os.path.join(stage, n)) for n in names) / len(names)
        print(f"daemon bench: {len(names)} articles, {size / 1000:.1f} KB on average, "
              f"{len(names) // 2} pairs of countries; binary {binary}", flush=True)

        # 1a. The daemon: rename → webhook request.
        receiver = Receiver(subject)
        receivers.append(receiver)
        config = os.path.join(work, "storywatch.toml")
        http_port = free_port() if args.http else None
        http_table = f'[http]\nlisten = "127.0.0.1:{http_port}"\n\n' if args.http else ""
        with open(config, "w") as f:
            f.write(f'corpus = "{corpus}"\nstate = "{state}"\n\n[detect]\n'
                    f'kinds = ["violation", "retaliation", "reversal", "fulfilled", "escalation", "de-escalation", '
                    f'"update", "new"]\n\n{http_table}[[webhook]]\nname = "bench"\nurl = "http://127.0.0.1:{receiver.port}/hook"\n'
                    f'kinds = ["violation", "retaliation", "reversal", "fulfilled", "escalation", "de-escalation", '
                    f'"update", "new"]\n')
        notify = Notify(work)
        daemon = start_daemon(binary, config, notify, log)
        scraper = Scraper(http_port) if args.http else None
        daemon_lat, daemon_missing = measure(names, stage, corpus, receiver, args.gap)
        if scraper:
            print(f"http:   /metrics scraped {scraper.stop()} times during the run", flush=True)
        time.sleep(0.5)
        repeats = sum(1 for n, c in receiver.counts.items() if n in names and c > 1)

        # 1b. The floor: inotifywait | while read; curl.
        floor_receiver = Receiver(lambda body: body.decode().strip())
        errors = os.path.join(work, "inotifywait.err")
        receivers.append(floor_receiver)
        script = ("inotifywait -m -e moved_to,close_write \"$1\" 2>\"$2\" | while read dir events name; do "
                  "curl -s -o /dev/null -X POST --data-binary \"$name\" \"$3\"; done")
        pipeline = subprocess.Popen(["bash", "-c", script, "floor", floor, errors,
                                     f"http://127.0.0.1:{floor_receiver.port}/floor"],
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        processes.append(pipeline)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.path.exists(errors) and "Watches established" in open(errors).read():
                break
            time.sleep(0.05)
        floor_lat, floor_missing = measure(names, stage2, floor, floor_receiver, args.gap)
        os.killpg(pipeline.pid, signal.SIGTERM)
        pipeline.wait(timeout=10)

        d, b = summary(daemon_lat), summary(floor_lat)
        ratio = d["p50"] / b["p50"] if b["p50"] else float("nan")
        print(f"daemon: rename → webhook received   n={d['n']:<5} p50 {d['p50']:6.2f} ms  p90 {d['p90']:6.2f} ms  "
              f"p99 {d['p99']:6.2f} ms  max {d['max']:7.2f} ms  (no alert: {len(daemon_missing)}, repeated: {repeats})")
        print(f"floor:  inotifywait | curl          n={b['n']:<5} p50 {b['p50']:6.2f} ms  p90 {b['p90']:6.2f} ms  "
              f"p99 {b['p99']:6.2f} ms  max {b['max']:7.2f} ms  (missed: {len(floor_missing)})")
        print(f"ratio:  daemon p50 / floor p50 = {ratio:.2f}", flush=True)

        # 2. Idle with 10,000 files.
        stop(daemon)
        daemon = None
        extra = max(0, args.idle_files - len(os.listdir(corpus)))
        notes = os.path.join(corpus, "notes")
        os.mkdir(notes)
        for i in range(extra):
            with open(os.path.join(notes, f"note-{i:05d}.txt"), "w") as f:
                f.write(note(i))
        files = sum(len(files) for _, _, files in os.walk(corpus))
        started = time.monotonic()
        daemon = start_daemon(binary, config, notify, log, watchdog_usec=30_000_000)
        catchup = time.monotonic() - started
        time.sleep(3)
        notify.drain()
        before_msgs = len(notify.messages)
        pid = daemon.pid
        cpu0, switches0 = cpu_seconds(pid), context_switches(pid)
        time.sleep(args.idle_seconds)
        cpu1, switches1 = cpu_seconds(pid), context_switches(pid)
        rss_kb = int(status_field(pid, "VmRSS") or 0)
        threads = status_field(pid, "Threads")
        notify.drain()
        pings = sum(1 for m in notify.messages[before_msgs:] if "WATCHDOG=1" in m.split("\n"))
        idle_cpu = cpu1 - cpu0
        print(f"idle:   {files:,} files (catch-up of {extra:,} new ones took {catchup:.1f} s); over "
              f"{args.idle_seconds:.0f} s: CPU {idle_cpu:.3f} s, {switches_between(switches0, switches1)} context switches in "
              f"{threads} threads, {pings} watchdog pings; VmRSS {rss_kb / 1024:.1f} MB")
        stop(daemon)
        daemon = None
        # The same files, nothing new: RSS of a daemon that only caught up.
        daemon = start_daemon(binary, config, notify, log, watchdog_usec=30_000_000)
        time.sleep(5)
        fresh_rss_kb = int(status_field(daemon.pid, "VmRSS") or 0)
        print(f"        restarted over the same {files:,} files (nothing new): VmRSS {fresh_rss_kb / 1024:.1f} MB after 5 s")
        stop(daemon)
        daemon = None

        targets = [
            ("p50 ≤ 3 ms", d["p50"] <= 3.0),
            ("p99 ≤ 10 ms", d["p99"] <= 10.0),
            ("p50 ≤ half the inotifywait|curl p50", ratio <= 0.5),
            ("every article alerted, once", not daemon_missing and not repeats),
            ("idle CPU ≤ 0.5 s over 60 s", idle_cpu <= 0.5 * args.idle_seconds / 60),
            ("idle RSS ≤ 40 MB", rss_kb <= 40 * 1024),
        ]
        print("targets: " + "; ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in targets))
        return 1 if args.check and not all(ok for _, ok in targets) else 0
    finally:
        stop(daemon)
        for process in processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(timeout=5)
        for receiver in receivers:
            receiver.stop()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
