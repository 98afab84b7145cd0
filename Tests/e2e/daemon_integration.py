#!/usr/bin/env python3
"""Integration checks of `storywatch run` beyond the operator's path (the daemon issue).

Each check drives a real daemon over a temporary corpus, with a webhook receiver on 127.0.0.1, and
compares what the receiver got with what `scan` gives over a shadow copy of the same corpus in a
fresh state (the same files, the same relative paths, scanned after each step):

- live blogs growing by prepends (in-place rewrite, editor-style atomic save) and by appends (an
  appending close, an appender that keeps the file open and never closes): only the new posts
  alert, each turn once;
- restart catch-up: files added and grown while the daemon is stopped are processed before READY=1,
  and nothing already alerted is alerted again;
- SIGHUP with a valid config (a new webhook receives later alerts; alerts queued for a failing
  webhook are kept and delivered once it answers) and with an invalid one (the errors are logged,
  the running config stays, the daemon keeps running);
- overflow: the daemon stopped with SIGSTOP, 20,000 small files created (most with no events, a few
  raising developments), SIGCONT: every file processed (`status` file count), every alert delivered
  once, the same ids as `scan` over the same corpus in a fresh state;
- the corpus root deleted: the daemon exits non-zero with a message naming the corpus.

The articles are invented here (countries, people and figures are made up for the test).
Everything binds 127.0.0.1, every wait is bounded, and every process started here is stopped.
Prints "N passed, M failed" last. Usage: daemon_integration.py PATH/TO/storywatch
"""
import collections
import contextlib
import http.server
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Notify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples", "corpus")

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail and not ok else ''}", flush=True)
    return ok


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


# MARK: Articles (invented for this test)

LIVE = "Live updates\n\n"


def post(headline, stamp, *paragraphs):
    return f"{headline}\n\nPosted at {stamp}\n\n" + "\n\n".join(paragraphs) + "\n"


# A newest-first live blog that grows by prepends: Portugal and Morocco.
PT_POSTS = [
    post("Portugal expels six Moroccan diplomats over spying claims", "09:10",
         "Portugal has expelled six Moroccan diplomats, accusing them of activities incompatible with "
         "their diplomatic status, the foreign ministry in Lisbon said.",
         "Foreign Minister Rui Matos said the six must leave the country within a week."),
    post("Rabat proposes expelling six Portuguese diplomats", "11:45",
         "Morocco's Foreign Minister Karim Idrissi has proposed expelling six Portuguese diplomats from "
         "Rabat in a mirror response to Lisbon's decision.",
         "He said he had called on the king to expel six people working at the Portuguese embassy."),
    post("King rules out expulsions", "15:20",
         "Morocco's king said his country would not expel any Portuguese diplomats, rejecting the "
         "proposal of his foreign minister.",
         "\"We will not expel anyone,\" the king said at a meeting in Rabat."),
    post("Rabat confirms: no expulsions", "17:05",
         "Morocco's foreign ministry confirmed that Morocco would not expel any Portuguese diplomats.",
         "The embassy of Portugal in Rabat is working normally, a spokesman said."),
    post("Evening at the embassy", "20:30",
         "The lights were still on at the embassy building late in the evening and a few journalists "
         "waited by the gate in the rain."),
]

# A live blog that grows by appends at the bottom: Sweden and Hungary.
SE_POSTS = [
    post("Sweden expels four Hungarian diplomats", "08:30",
         "Sweden has expelled four Hungarian diplomats over an intelligence case, the foreign ministry in "
         "Stockholm said."),
    post("Budapest proposes expelling four Swedish diplomats", "10:05",
         "Hungary's Foreign Minister Gabor Farkas has proposed expelling four Swedish diplomats from "
         "Budapest in response to Stockholm's decision."),
    post("Hungarian president rejects expulsions", "13:40",
         "Hungary's president said his country would not expel any Swedish diplomats, overruling his "
         "foreign minister."),
    post("Calm outside the embassy", "16:15",
         "Traffic around the embassy in Stockholm was normal on Thursday afternoon and a small group of "
         "tourists took photographs, police said."),
]

# Pairs for short wire stories: (country, adjective, capital).
PAIRS = [
    (("Kenya", "Kenyan", "Nairobi"), ("Uganda", "Ugandan", "Kampala")),
    (("Chile", "Chilean", "Santiago"), ("Bolivia", "Bolivian", "La Paz")),
    (("Finland", "Finnish", "Helsinki"), ("Estonia", "Estonian", "Tallinn")),
    (("Ghana", "Ghanaian", "Accra"), ("Senegal", "Senegalese", "Dakar")),
    (("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok")),
    (("Austria", "Austrian", "Vienna"), ("Croatia", "Croatian", "Zagreb")),
    (("Canada", "Canadian", "Ottawa"), ("Peru", "Peruvian", "Lima")),
    (("Latvia", "Latvian", "Riga"), ("Moldova", "Moldovan", "Chisinau")),
]
NUMBERS = ["three", "four", "five", "seven", "eight", "nine"]


def proposal(pair, n):
    (a, a_adj, a_cap), (b, b_adj, _) = pair
    count = NUMBERS[n % len(NUMBERS)]
    return (f"{a.upper()} PROPOSES EXPELLING {b_adj.upper()} DIPLOMATS\n\n"
            f"    {a_cap.upper()}, May {n % 27 + 1} (Wirenews) - {a}'s foreign minister has proposed expelling "
            f"{count} {b_adj} diplomats in a dispute over visa rules, officials said.\n"
            f"    The proposal needs the approval of the president.\n")


def refusal(pair, n):
    (a, a_adj, a_cap), (b, b_adj, _) = pair
    return (f"{a.upper()} WILL NOT EXPEL {b_adj.upper()} DIPLOMATS, PRESIDENT SAYS\n\n"
            f"    {a_cap.upper()}, May {n % 27 + 2} (Wirenews) - {a}'s president said that his "
            f"country would not expel any {b_adj} diplomats, rejecting the proposal of his foreign minister.\n")


NOTE_TOPICS = ["harbour", "railway", "library", "orchard", "stadium", "museum", "bakery", "ferry"]


def neutral_note(i):
    topic = NOTE_TOPICS[i % len(NOTE_TOPICS)]
    return (f"Notebook {i}: the {topic} on the east side reopened after repairs, with {i % 97 + 3} "
            f"visitors in the first hour and light rain in the afternoon.\n")


# MARK: Corpus operations, mirrored on a shadow copy

class Corpus:
    """A watched corpus and its shadow: every write goes to both (same relative paths)."""

    def __init__(self, live, shadow):
        self.live, self.shadow = live, shadow
        os.makedirs(live, exist_ok=True)
        os.makedirs(shadow, exist_ok=True)

    def paths(self, name):
        return [os.path.join(self.live, name), os.path.join(self.shadow, name)]

    def write_in_place(self, name, text):
        """open(…, 'w'): truncate and write in place, one close at the end."""
        for path in self.paths(name):
            with open(path, "w") as f:
                f.write(text)

    def save_atomically(self, name, text):
        """An editor's save: a hidden temporary file renamed over the old one."""
        for path in self.paths(name):
            tmp = os.path.join(os.path.dirname(path), "." + name + ".swp")
            with open(tmp, "w") as f:
                f.write(text)
            os.rename(tmp, path)

    def append(self, name, text):
        for path in self.paths(name):
            with open(path, "a") as f:
                f.write(text)

    def append_without_close(self, name, text):
        """An appender that writes and flushes but keeps the file open; returns the open handle
        (of the live copy) for the caller to close later."""
        handle = open(self.paths(name)[0], "a")
        handle.write(text)
        handle.flush()
        with open(self.paths(name)[1], "a") as f:
            f.write(text)
        return handle

    def copy_example(self, name):
        for path in self.paths(name):
            tmp = os.path.join(os.path.dirname(path), "." + name + ".part")
            shutil.copyfile(os.path.join(EXAMPLES, name), tmp)
            os.rename(tmp, path)


# MARK: Processes and sockets

class Receiver:
    """A webhook receiver on 127.0.0.1 (HTTP/1.1 keep-alive). `failing` set to a status makes it
    answer that status with Retry-After: 1; every request is kept with what was answered."""

    def __init__(self):
        self.requests = []  # (id, status answered, body)
        self.failing = None
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = outer.failing or 200
                with outer.lock:
                    outer.requests.append((self.headers.get("webhook-id"), status, body))
                self.send_response(status)
                if status != 200:
                    self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def delivered(self):
        """webhook-id → number of requests answered 200."""
        with self.lock:
            return collections.Counter(i for i, status, _ in self.requests if status == 200)

    def attempted(self):
        with self.lock:
            return {i for i, _, _ in self.requests}

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Daemon:
    def __init__(self, binary, config, notify, log_path):
        self.binary, self.config, self.notify, self.log_path = binary, config, notify, log_path
        self.process = None

    def start(self):
        log = open(self.log_path, "a")
        env = dict(os.environ, NOTIFY_SOCKET=self.notify.path)
        env.pop("WATCHDOG_USEC", None)
        self.process = subprocess.Popen([self.binary, "run", "--config", self.config], env=env, stdout=log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        return self.notify.wait_for("READY=1", 60) is not None

    def send(self, sig):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends `sig` and waits; SIGKILL after `timeout`. The exit status, None when killed."""
        process = self.process
        if process is None:
            return None
        if process.poll() is None:
            if sig != signal.SIGKILL:
                process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
            process.send_signal(sig)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
                self.process = None
                return None
        self.process = None
        return process.returncode

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()


def write_config(path, corpus, state, hooks, extra=""):
    text = f'corpus = "{corpus}"\nstate = "{state}"\n{extra}'
    for name, port in hooks:
        text += f'\n[[webhook]]\nname = "{name}"\nurl = "http://127.0.0.1:{port}/{name}"\n'
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


def status(binary, *args):
    """`storywatch status` as numbers: files, items, pending."""
    out = subprocess.run([binary, "status", *args], capture_output=True, text=True, timeout=60).stdout
    numbers = {}
    for key in ("files", "items", "developments"):
        m = re.search(rf"^{key}:\s+(\d+)", out, re.M)
        numbers[key] = int(m.group(1)) if m else -1
    m = re.search(r"^outbox:\s+(\d+) pending", out, re.M)
    numbers["pending"] = int(m.group(1)) if m else -1
    return numbers


def documents(state):
    """path → (size, mtime_ns) of the documents the state holds (read-only, beside the daemon)."""
    path = os.path.join(state, "state.sqlite")
    if not os.path.exists(path):
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            return {p: (size, mtime) for p, size, mtime in db.execute("SELECT path, size, mtime_ns FROM document")}
    except sqlite3.Error as error:
        print(f"     (reading {path}: {error})")
        return {}


def scan(binary, corpus, state, kinds=None):
    """Alert ids, in order, of one `scan` pass; `kinds`, a dict, gets each id's kind."""
    out = subprocess.run([binary, "scan", "--corpus", corpus, "--state", state, "--format", "jsonl"],
                         capture_output=True, text=True, timeout=180)
    alerts = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if kinds is not None:
        kinds.update({alert["id"]: alert["data"]["kind"] for alert in alerts})
    return [alert["id"] for alert in alerts]


# MARK: Checks

class Session:
    """One daemon over one corpus, its receiver and its shadow state."""

    def __init__(self, binary, work, name, receiver):
        self.binary, self.receiver = binary, receiver
        base = os.path.join(work, name)
        os.makedirs(base)
        self.corpus = Corpus(os.path.join(base, "corpus"), os.path.join(base, "shadow"))
        self.state, self.shadow_state = os.path.join(base, "state"), os.path.join(base, "shadow-state")
        self.config = os.path.join(base, "storywatch.toml")
        write_config(self.config, self.corpus.live, self.state, [("ops", receiver.port)])
        self.notify = Notify(base)
        self.daemon = Daemon(binary, self.config, self.notify, os.path.join(base, "daemon.log"))
        self.expected = collections.Counter()  # every id the shadow scans raised so far
        self.kinds = {}  # id → kind, from the shadow scans

    def shadow_scan(self):
        ids = scan(self.binary, self.corpus.shadow, self.shadow_state, self.kinds)
        self.expected.update(ids)
        return ids

    def caught_up(self, timeout=15):
        """Waits until the daemon's state holds every file of the corpus as it is now (size and
        mtime, as `scan` records them) and the outbox is empty; returns what is still missing."""
        def missing():
            known = documents(self.state)
            behind = []
            for name in sorted(os.listdir(self.corpus.live)):
                if name.startswith("."):
                    continue
                info = os.stat(os.path.join(self.corpus.live, name))
                if known.get(name) != (info.st_size, info.st_mtime_ns):
                    behind.append(name)
            if not behind and status(self.binary, "--state", self.state)["pending"] != 0:
                behind.append("(outbox not empty)")
            return behind

        left = missing()
        deadline = time.monotonic() + timeout
        while left and time.monotonic() < deadline:
            time.sleep(0.05)
            left = missing()
        return left

    def step(self, name, action, kinds=None, timeout=15):
        """Applies `action`, scans the shadow, waits for the daemon; checks that the daemon delivered
        exactly the ids the scan gave for this step, once each."""
        before = self.receiver.delivered()
        action()
        expected = self.shadow_scan()
        if kinds is not None:
            got = [self.kinds[i] for i in expected]
            check(f"{name}: (fixture) scan raises {kinds or 'nothing'}", sorted(got) == sorted(kinds), got)
        behind = self.caught_up(timeout=timeout)
        time.sleep(0.2)
        after = self.receiver.delivered()
        new = after - before
        check(f"{name}: the daemon alerts exactly what scan does", not behind and set(new) == set(expected),
              f"not yet processed {behind}, daemon {sorted(new)}, scan {expected}")
        twice = {i: n for i, n in after.items() if n > 1}
        check(f"{name}: nothing alerted twice", not twice, twice)


def live_blogs_restart_and_reload(binary, work, a, b):
    s = Session(binary, work, "blogs", a)
    try:
        check("READY=1 on an empty corpus", s.daemon.start())
        pt = [LIVE]
        se = [LIVE, SE_POSTS[0]]

        def prepend(i, how):
            pt.insert(1, PT_POSTS[i] + ("\n\n" if len(pt) > 1 else ""))
            how("pt-liveblog.txt", "".join(pt))

        s.step("live blog created", lambda: prepend(0, s.corpus.save_atomically), kinds=[])
        s.step("appended blog created", lambda: s.corpus.write_in_place("se-liveblog.txt", "".join(se)), kinds=[])
        s.step("a post prepended (in-place rewrite)", lambda: prepend(1, s.corpus.write_in_place), kinds=["retaliation"])
        s.step("a post appended (append and close)", lambda: s.corpus.append("se-liveblog.txt", "\n\n" + SE_POSTS[1]),
               kinds=["retaliation"])
        s.step("a post prepended (editor's atomic save)", lambda: prepend(2, s.corpus.save_atomically), kinds=["reversal"])
        handle = []
        s.step("a post appended by a writer that keeps the file open (settles)",
               lambda: handle.append(s.corpus.append_without_close("se-liveblog.txt", "\n\n" + SE_POSTS[2])),
               kinds=["reversal"], timeout=40)
        s.step("the appender closes the file", lambda: handle.pop().close(), kinds=[])
        s.step("a re-report prepended", lambda: prepend(3, s.corpus.save_atomically), kinds=[])
        s.step("a post with no events appended", lambda: s.corpus.append("se-liveblog.txt", "\n\n" + SE_POSTS[3]), kinds=[])

        # Restart catch-up: files added and a blog grown while the daemon is down.
        check("SIGTERM exits 0", s.daemon.stop() == 0)
        before = a.delivered()
        prepend(4, s.corpus.write_in_place)
        s.corpus.copy_example("2026-03-02-liveblog-norway-belarus.txt")
        s.corpus.copy_example("2026-03-03-wire-belarus-refuses.txt")
        s.corpus.write_in_place("wire-kenya-1.txt", proposal(PAIRS[0], 1))
        s.corpus.write_in_place("wire-kenya-2.txt", refusal(PAIRS[0], 1))
        expected = s.shadow_scan()
        check("(fixture) scan raises developments for the files added while stopped", len(expected) >= 2, expected)
        ready = s.daemon.start()
        at_ready = status(binary, "--config", s.config)
        shadow = status(binary, "--state", s.shadow_state)
        check("restart: READY=1 comes after the catch-up scan (every file already in the state)",
              ready and at_ready["files"] == shadow["files"] and at_ready["items"] == shadow["items"],
              f"daemon {at_ready}, scan {shadow}")
        behind = s.caught_up()
        time.sleep(0.2)
        new = a.delivered() - before
        check("restart: every file is processed", not behind, behind)
        check("restart: the catch-up alerts exactly what scan does", set(new) == set(expected),
              f"daemon {sorted(new)}, scan {expected}")
        check("restart: nothing alerted twice", all(n == 1 for n in a.delivered().values()), a.delivered())

        # SIGHUP with a valid config: alerts queued for a failing webhook are kept; a new webhook gets later alerts.
        a.failing = 503
        before = a.delivered()
        s.corpus.write_in_place("wire-chile-1.txt", proposal(PAIRS[1], 2))
        s.corpus.write_in_place("wire-chile-2.txt", refusal(PAIRS[1], 2))
        queued = s.shadow_scan()
        check("(fixture) scan raises a development for the reload check", len(queued) >= 1, queued)
        tried = wait_until(lambda: set(queued) <= a.attempted(), 15)
        pending = status(binary, "--config", s.config)["pending"]
        check("while the webhook fails, its alerts are queued", tried and pending == len(queued),
              f"tried {bool(tried)}, pending {pending}")
        write_config(s.config, s.corpus.live, s.state, [("ops", a.port), ("audit", b.port)])
        s.daemon.send(signal.SIGHUP)
        reloading = s.notify.wait_for("RELOADING=1", 10)
        check("SIGHUP: RELOADING=1 with MONOTONIC_USEC", reloading and "MONOTONIC_USEC=" in reloading, reloading)
        check("SIGHUP: READY=1 again", s.notify.wait_for("READY=1", 10) is not None)
        check("SIGHUP: the valid config is applied", wait_until(lambda: "configuration reloaded" in s.daemon.log(), 5))
        pending = status(binary, "--config", s.config)["pending"]
        check("SIGHUP: the queued alerts are still queued", pending == len(queued), pending)
        a.failing = None
        got = wait_until(lambda: set(queued) <= set(a.delivered()), 20)
        check("SIGHUP: the queued alerts reach the webhook once it answers", got,
              f"delivered {sorted(a.delivered() - before)}, queued {queued}")
        check("SIGHUP: the new webhook did not get the alerts queued before it existed",
              not set(queued) & set(b.delivered()), sorted(b.delivered()))
        s.step("after the reload, a new turn", lambda: (s.corpus.write_in_place("wire-finland-1.txt", proposal(PAIRS[2], 3)),
                                                        s.corpus.write_in_place("wire-finland-2.txt", refusal(PAIRS[2], 3))))
        later = [i for i in s.expected if i not in before and i not in queued]
        check("SIGHUP: the new webhook receives later alerts", later and set(later) <= set(b.delivered()),
              f"later {later}, audit got {sorted(b.delivered())}")

        # SIGHUP with an invalid config: logged, the running config stays, the daemon keeps running.
        write_config(s.config, s.corpus.live, s.state, [("ops", a.port), ("audit", b.port)],
                     extra='max_file_bytes = "lots"\nbogus_key = 1\n')
        b_before = b.delivered()
        s.daemon.send(signal.SIGHUP)
        check("invalid config: RELOADING=1 then READY=1",
              s.notify.wait_for("RELOADING=1", 10) is not None and s.notify.wait_for("READY=1", 10) is not None)
        refused = wait_until(lambda: "configuration not reloaded" in s.daemon.log(), 5)
        log = s.daemon.log()
        check("invalid config: the refusal is logged with its errors",
              refused and "bogus_key" in log and "max_file_bytes" in log,
              "\n".join(line for line in log.splitlines() if "reload" in line))
        time.sleep(0.3)
        check("invalid config: the daemon keeps running", s.daemon.alive())
        s.step("after the refused reload, a new turn",
               lambda: (s.corpus.write_in_place("wire-ghana-1.txt", proposal(PAIRS[3], 4)),
                        s.corpus.write_in_place("wire-ghana-2.txt", refusal(PAIRS[3], 4))))
        later = set(b.delivered() - b_before)
        check("invalid config: the running config (both webhooks) stays", later and later <= set(a.delivered()),
              f"audit got {sorted(later)}")
        check("SIGTERM after the reloads exits 0", s.daemon.stop() == 0)

        # The corpus root deleted under a running daemon: exit 1 with a message naming the corpus.
        write_config(s.config, s.corpus.live, s.state, [("ops", a.port)])
        check("restarted for the corpus deletion", s.daemon.start())
        shutil.rmtree(s.corpus.live)
        try:
            code = s.daemon.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            code = None
        tail = "\n".join(s.daemon.log().splitlines()[-3:])
        check("corpus deleted: the daemon exits with status 1", code == 1, f"exit {code}")
        check("corpus deleted: the message says the corpus was deleted",
              f"{s.corpus.live} was deleted while watched" in tail, tail)
    finally:
        s.daemon.stop(signal.SIGKILL)
        s.notify.close()
        if not all(results):
            print("--- blogs daemon log (last 30 lines) ---")
            print("".join(s.daemon.log().splitlines(keepends=True)[-30:]))


def overflow_and_root_deleted(binary, work, receiver):
    s = Session(binary, work, "overflow", receiver)
    try:
        check("overflow: READY=1", s.daemon.start())
        live = s.corpus.live
        total = 20_000
        turns = {}  # index → text: a few proposals and refusals among the neutral notes
        for k, pair in enumerate(PAIRS[4:]):
            first = 1_000 + k * 4_500
            turns[first] = proposal(pair, k)
            turns[first + 1_700] = refusal(pair, k)
        s.daemon.send(signal.SIGSTOP)
        try:
            for i in range(total):
                with open(os.path.join(live, f"note-{i:05d}.txt"), "w") as f:
                    f.write(turns.get(i) or neutral_note(i))
        finally:
            s.daemon.send(signal.SIGCONT)
        resumed = time.monotonic()
        fresh = os.path.join(work, "overflow", "fresh-state")
        scanner = subprocess.Popen([binary, "scan", "--corpus", live, "--state", fresh, "--format", "jsonl"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            out, _ = scanner.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            scanner.kill()
            out, _ = scanner.communicate()
        expected = [json.loads(line)["id"] for line in out.splitlines() if line.strip()]
        check("(fixture) scan over the same corpus raises developments", len(expected) >= len(PAIRS[4:]), expected)

        def all_in():
            now = status(binary, "--config", s.config)
            return now if now["files"] == total and now["pending"] == 0 else None

        done = wait_until(all_in, 150, interval=0.5)
        print(f"     ({total:,} files processed {time.monotonic() - resumed:.1f} s after SIGCONT)", flush=True)
        log = s.daemon.log()
        check("overflow: the queue overflow is logged and a full rescan follows",
              "overflowed" in log or "fell behind" in log, "no overflow warning in the log")
        check("overflow: every file is processed (status file count)", done, status(binary, "--config", s.config))
        time.sleep(0.3)
        got = receiver.delivered()
        check("overflow: the daemon alerts exactly the ids of `scan` in a fresh state", set(got) == set(expected),
              f"daemon {sorted(got)}, scan {sorted(expected)}")
        check("overflow: none alerted twice", all(n == 1 for n in got.values()), got)
        noticed = collections.Counter(re.findall(r"NOTICE .* development\.id=(sw_[0-9a-f]+)", log))
        check("overflow: each development is logged once",
              set(noticed) == set(expected) and all(n == 1 for n in noticed.values()), noticed)
        recorded, fresh_count = (status(binary, "--config", s.config)["developments"],
                                 status(binary, "--state", fresh)["developments"])
        check("overflow: as many developments recorded as `scan` records", recorded == fresh_count,
              f"daemon {recorded}, scan {fresh_count}")

        # The corpus root deleted: exit non-zero with a message naming the corpus.
        shutil.rmtree(live)
        try:
            code = s.daemon.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            code = None
        log = s.daemon.log()
        tail = "\n".join(log.splitlines()[-3:])
        print(f"     (exit status {code} after the corpus was deleted)")
        check("corpus deleted: the daemon exits non-zero", code not in (None, 0), f"exit {code}")
        check("corpus deleted: a clear message names the corpus",
              live in tail and re.search(r"was deleted while watched|does not exist", tail), tail)
    finally:
        s.daemon.stop(signal.SIGKILL)
        s.notify.close()
        if not all(results):
            print("--- overflow daemon log (last 20 lines) ---")
            print("".join(s.daemon.log().splitlines(keepends=True)[-20:]))


def run_checks(usage, receivers_needed, sections, prefix="storywatch-integration-"):
    """Runs `sections(binary, work, receivers)` with fresh receivers and a work folder (kept with
    KEEP=1 when a check failed); prints the tally. The exit status."""
    if len(sys.argv) != 2:
        print(f"usage: {usage} PATH/TO/storywatch")
        return 2
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix=prefix)
    receivers = [Receiver() for _ in range(receivers_needed)]
    started = time.monotonic()
    try:
        sections(binary, work, receivers)
    finally:
        for receiver in receivers:
            receiver.stop()
        if os.environ.get("KEEP") and not all(results):
            print(f"     (kept {work})")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"     ({time.monotonic() - started:.0f} s)")
    passed = sum(1 for r in results if r)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


def main():
    def sections(binary, work, receivers):
        live_blogs_restart_and_reload(binary, work, receivers[0], receivers[1])
        overflow_and_root_deleted(binary, work, receivers[2])
    return run_checks("daemon_integration.py", 3, sections)


if __name__ == "__main__":
    sys.exit(main())
