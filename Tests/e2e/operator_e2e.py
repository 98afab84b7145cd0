#!/usr/bin/env python3
"""End-to-end checks of what an operator looks at (issue #15).

1. The HTML report of a state built from our example corpus, loaded in a real headless Chromium
   (`chromium --headless --no-sandbox --dump-dom`): every storyline and every turn the scan raised
   is in the DOM. Skipped, saying so, when chromium is not installed.
2. The daemon with `[http] listen = "127.0.0.1:PORT"`: /metrics is Prometheus text that
   `prometheus_client`'s parser accepts (checked when the package is installed), its counters move
   after two articles arrive and their alert is delivered, /healthz is 200, / is the live report,
   `status` says the daemon is alive; then a debug-build hook stalls the pipeline on one file and
   /healthz turns 503 with the reason; SIGTERM ends the daemon with status 0 and `status` says it
   stopped. A listener off loopback without `token_file` is refused by check-config; with a
   `token_file`, a request without the bearer token gets 401 and one with it 200.

Everything binds 127.0.0.1, every wait is bounded, and every process started here is stopped.
Prints "N passed, M failed" last. Usage: operator_e2e.py PATH/TO/storywatch
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_e2e import Receiver, is_reversal, rename_in, stop, EXAMPLES, PROPOSAL, REFUSAL  # noqa: E402
from harness import Notify  # noqa: E402

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}", flush=True)


def run(binary, *args, timeout=120):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def report_in_chromium(binary, work):
    browser = chromium()
    if browser is None:
        print("skip: chromium is not installed (apt-get install chromium): the report is not checked in a browser")
        return
    corpus, state = os.path.join(work, "report-corpus"), os.path.join(work, "report-state")
    shutil.copytree(EXAMPLES, corpus)
    scan = run(binary, "scan", "--corpus", corpus, "--state", state, "--format", "jsonl")
    alerts = [json.loads(line) for line in scan.stdout.splitlines() if line.strip()]
    storylines = json.loads(run(binary, "storylines", "--state", state, "--json").stdout)
    page = os.path.join(work, "report.html")
    made = run(binary, "report", "--state", state, "--html", page)
    check("report --html writes the page", made.returncode == 0 and os.path.exists(page), made.stderr)
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page],
                         capture_output=True, text=True, timeout=120).stdout
    check("chromium renders the report", "<main>" in dom and "storywatch" in dom, dom[:200])
    missing = [s["id"] for s in storylines if f'data-storyline="{s["id"]}"' not in dom]
    check(f"every storyline is in the DOM ({len(storylines)})", bool(storylines) and not missing, f"missing {missing}")
    turns = [(a["data"]["kind"], a["id"]) for a in alerts]
    absent = [t for t in turns if f'data-kind="{t[0]}" data-development="{t[1]}"' not in dom]
    check(f"every turn is in the DOM with its kind ({len(turns)})", bool(turns) and not absent, f"missing {absent}")
    quotes = [a["data"]["event"]["quote"] for a in alerts]
    check("each turn's evidence quote is shown", all(q.replace('"', "&quot;") in dom or q in dom for q in quotes))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=10):
    """(status, body) of GET http://127.0.0.1:PORT/PATH."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError as error:
        return None, str(error)


def samples(text):
    """name{labels} → value, with prometheus_client's parser when installed (None when not)."""
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        return None
    values = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
            values[f"{s.name}{{{labels}}}" if labels else s.name] = s.value
    return values


def value(text, name):
    """A sample's value read from the text itself (used when prometheus_client is absent)."""
    m = re.search(r"^" + re.escape(name) + r" ([0-9.e+-]+)$", text, re.M)
    return float(m.group(1)) if m else 0.0


def wait_until(predicate, timeout, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(step)
    return None


def daemon_with_listener(binary, work):
    receiver = Receiver()
    corpus, state = os.path.join(work, "corpus"), os.path.join(work, "state")
    os.mkdir(corpus)
    port = free_port()
    config = os.path.join(work, "storywatch.toml")
    with open(config, "w") as f:
        f.write(f'corpus = "{corpus}"\nstate = "{state}"\n\n[http]\nlisten = "127.0.0.1:{port}"\n\n'
                f'[[webhook]]\nname = "ops"\nurl = "http://127.0.0.1:{receiver.port}/hook"\n')
    notify = Notify(work)
    env = dict(os.environ, NOTIFY_SOCKET=notify.path, STORYWATCH_TEST_STALL="stall-here.txt",
               STORYWATCH_TEST_STALL_AFTER="1")
    log = open(os.path.join(work, "daemon.log"), "w")
    daemon = subprocess.Popen([binary, "run", "--config", config], env=env, stdout=log, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL)
    try:
        check("READY=1", notify.wait_for("READY=1", 60))
        status, before = wait_until(lambda: (lambda r: r if r[0] == 200 else None)(get(port, "/metrics")), 10) or (None, "")
        check("/metrics answers 200 on 127.0.0.1", status == 200, before[:200])
        parsed = samples(before)
        if parsed is None:
            print("skip: prometheus_client is not installed (pip install prometheus-client): the text is not parsed")
        else:
            check("prometheus_client parses /metrics", "storywatch_documents" in parsed, before[:300])
        check("/healthz is 200 while idle", get(port, "/healthz")[0] == 200)

        rename_in(PROPOSAL, corpus)
        rename_in(REFUSAL, corpus)
        check("the reversal is delivered", bool(receiver.wait_for(is_reversal, 20)))
        delivered = 'storywatch_deliveries_total{result="delivered",webhook="ops"}'

        def moved():
            text = get(port, "/metrics")[1]
            parsed = samples(text)
            if parsed is None:
                return text if value(text, "storywatch_files_scanned_total") >= 2 else None
            return parsed if (parsed.get(delivered, 0) >= 1 and parsed.get("storywatch_files_scanned_total", 0) >= 2
                              and parsed.get('storywatch_developments{kind="reversal"}', 0) >= 1) else None

        after = wait_until(moved, 15, step=0.2)
        check("counters moved: files scanned, deliveries delivered, the reversal recorded", after is not None)
        if isinstance(after, dict):
            check("the events counter moved", after.get("storywatch_events_total", 0) > 0)
            check("the delivery latency histogram has the request",
                  after.get('storywatch_delivery_duration_seconds_count{webhook="ops"}', 0) >= 1)
        code, page = get(port, "/")
        check("/ serves the live report", code == 200 and "data-storyline=" in page and 'data-kind="reversal"' in page)
        alive = run(binary, "status", "--config", config).stdout
        check("status says the daemon is alive", re.search(r"^daemon:\s+alive", alive, re.M) is not None, alive)

        with open(os.path.join(corpus, "stall-here.txt"), "w") as f:
            f.write("Norway said on Monday it would not expel anyone.\n")
        stalled = wait_until(lambda: (lambda r: r if r[0] == 503 else None)(get(port, "/healthz")), 20, step=0.2)
        check("/healthz turns 503 when the pipeline stalls", stalled is not None)
        if stalled:
            check("503 names the reason", "stall-here.txt" in stalled[1], stalled[1])
        check("SIGTERM ends the daemon with status 0", stop(daemon) == 0)
        stopped = run(binary, "status", "--config", config).stdout
        check("status says the daemon stopped", re.search(r"^daemon:\s+stopped", stopped, re.M) is not None, stopped)
    finally:
        stop(daemon, signal.SIGKILL)
        receiver.stop()
        notify.close()
        log.close()


def listener_tokens(binary, work):
    config = os.path.join(work, "open.toml")
    with open(config, "w") as f:
        f.write(f'corpus = "{work}"\n\n[http]\nlisten = "0.0.0.0:9464"\n')
    result = run(binary, "check-config", "--config", config)
    check("check-config refuses a listener off loopback without token_file",
          result.returncode == 1 and "token_file" in result.stdout + result.stderr, result.stdout + result.stderr)

    # With a token, every request must carry it.
    corpus = os.path.join(work, "token-corpus")
    os.mkdir(corpus)
    token = os.path.join(work, "http.token")
    with open(token, "w") as f:
        f.write("s3cret-token\n")
    port = free_port()
    config = os.path.join(work, "token.toml")
    with open(config, "w") as f:
        f.write(f'corpus = "{corpus}"\nstate = "{work}/token-state"\n\n[http]\nlisten = "127.0.0.1:{port}"\n'
                f'token_file = "{token}"\n')
    notify = Notify(work, "token.sock")
    daemon = subprocess.Popen([binary, "run", "--config", config], env=dict(os.environ, NOTIFY_SOCKET=notify.path),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    try:
        check("READY=1 with a token_file", notify.wait_for("READY=1", 60))
        code = wait_until(lambda: get(port, "/metrics")[0], 10)
        check("a request without the token gets 401", code == 401, str(code))
        request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz",
                                         headers={"Authorization": "Bearer s3cret-token"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            check("a request with the token gets 200", reply.status == 200)
        check("SIGTERM ends it with status 0", stop(daemon) == 0)
    finally:
        stop(daemon, signal.SIGKILL)
        notify.close()


def main():
    if len(sys.argv) != 2:
        print("usage: operator_e2e.py PATH/TO/storywatch")
        return 2
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="storywatch-operator-")
    try:
        report_in_chromium(binary, work)
        daemon_with_listener(binary, work)
        listener_tokens(binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
