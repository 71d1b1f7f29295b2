#!/usr/bin/env python3
"""Load generator for the mail benchmarks (bench/mail/run.sh): the same client drives Quire and Dovecot.

  load.py lmtp  --port P --mbox FILE --rcpt ADDR [--rcpt ADDR ...] --conns N --label L --out FILE
  load.py imap  --target quire:P[:PID] --target dovecot:P[:PID] --user U --password PW --mbox FILE --clients 1,20 --out FILE
  load.py table FILE
  load.py runs FILE...     Quire ÷ Dovecot rate per case, one column per result file

Both protocols are spoken over raw sockets with a small reader, so the client costs little CPU on the
2-core machine and does the same work against either server. Every phase appends one JSON line to --out;
`table` turns those lines into the Markdown tables printed at the end of run.sh.

LMTP: the mbox is split with Python's `mailbox` (raw bytes of each message, `From ` line dropped), line
ends made CRLF and dot-stuffed once up front. N connections take the next message from a shared counter;
connection i sends to rcpt[i % len(rcpt)]. A message counts only when its LMTP reply is 250.

IMAP: each client LOGINs and SELECTs INBOX, then every operation runs as its own timed phase, on each
--target in turn (so both servers see about the same machine load), for --seconds (at least one command per client): the phase's commands per second over all clients and
their latencies. STORE: all messages are made unseen first (untimed); then each client flips \\Seen on its
own share of the messages in a shuffled order, +FLAGS on one pass and -FLAGS on the next, so every
STORE changes a flag. The sample of messages and search words is drawn from a fixed seed, so both servers
get the same commands in the same order.
"""
import argparse
import json
import mailbox
import os
import random
import re
import socket
import statistics
import sys
import threading
import time


def log(*a):
    print(*a, flush=True)


# ---------------------------------------------------------------- machine readings

def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def cpu_ticks():
    """(busy, total) jiffies of the whole machine."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v) - idle, sum(v)


def proc_ticks(pids):
    """utime+stime of the given processes and their live descendants (jiffies)."""
    children = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
            rest = s[s.rindex(")") + 2:].split()
            children.setdefault(int(rest[1]), []).append((int(d), int(rest[11]) + int(rest[12])))
        except (OSError, ValueError):
            pass
    total, seen, todo = 0, set(), list(pids)
    own = {}
    for plist in children.values():
        for pid, t in plist:
            own[pid] = t
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += own.get(p, 0)
        todo.extend(c for c, _ in children.get(p, []))
    return total


class Meter:
    """Cores used during a phase: by the whole machine, by the server's process tree, by this client."""

    def __init__(self, server_pids):
        self.pids = server_pids
        self.hz = os.sysconf("SC_CLK_TCK")

    def __enter__(self):
        self.load0 = loadavg()
        self.m0 = cpu_ticks()
        self.s0 = proc_ticks(self.pids)
        self.c0 = os.times()
        self.t0 = time.monotonic()
        return self

    def __exit__(self, *exc):
        self.wall = time.monotonic() - self.t0
        m1 = cpu_ticks()
        ncpu = os.cpu_count()
        busy = (m1[0] - self.m0[0]) / max(1, m1[1] - self.m0[1]) * ncpu
        server = (proc_ticks(self.pids) - self.s0) / self.hz / self.wall
        c1 = os.times()
        client = (c1.user + c1.system - self.c0.user - self.c0.system) / self.wall
        self.readings = {"load_before": self.load0, "load_after": loadavg(), "machine_cores": round(busy, 2),
                         "server_cores": round(server, 2), "client_cores": round(client, 2),
                         "others_cores": round(max(0.0, busy - server - client), 2)}
        return False


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


# ---------------------------------------------------------------- corpus

def read_mbox(path, limit=None):
    box = mailbox.mbox(path, create=False)
    out = []
    for key in box.iterkeys():
        raw = box.get_bytes(key)
        out.append(raw)
        if limit and len(out) >= limit:
            break
    return out


def lmtp_payload(raw):
    """CRLF line ends, dot-stuffed, terminated: what goes after DATA's 354."""
    lines = re.split(rb"\r?\n", raw)
    if lines and lines[-1] == b"":
        lines.pop()
    body = b"".join((b"." + l if l.startswith(b".") else l) + b"\r\n" for l in lines)
    return body + b".\r\n"


# ---------------------------------------------------------------- LMTP

class Lmtp:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.f = self.sock.makefile("rb")
        self.reply()
        self.cmd(b"LHLO bench.test\r\n")

    def reply(self):
        lines = []
        while True:
            line = self.f.readline()
            if not line:
                raise IOError("connection closed")
            lines.append(line.rstrip(b"\r\n"))
            if line[3:4] != b"-":
                return int(line[:3]), b"\n".join(lines)

    def cmd(self, data):
        self.sock.sendall(data)
        return self.reply()

    def deliver(self, rcpt, payload):
        c, t = self.cmd(b"MAIL FROM:<sender@bench.test>\r\n")
        if c != 250:
            return c, t
        c, t = self.cmd(b"RCPT TO:<" + rcpt.encode() + b">\r\n")
        if c != 250:
            self.cmd(b"RSET\r\n")
            return c, t
        c, t = self.cmd(b"DATA\r\n")
        if c != 354:
            return c, t
        self.sock.sendall(payload)
        return self.reply()  # one recipient: one reply (RFC 2033 §4.2)

    def quit(self):
        try:
            self.cmd(b"QUIT\r\n")
        finally:
            self.sock.close()


def run_lmtp(a):
    msgs = read_mbox(a.mbox, a.limit)
    payloads = [lmtp_payload(m) for m in msgs]
    raw_bytes = sum(len(m) for m in msgs)
    log(f"  [{a.label}] {len(payloads)} messages ({raw_bytes / 1e6:.1f} MB) to {','.join(a.rcpt)} "
        f"over {a.conns} LMTP connection(s) on port {a.port}")
    lock = threading.Lock()
    state = {"next": 0, "done": 0, "failed": []}
    lat = []

    def worker(i):
        c = Lmtp(a.host, a.port)
        rcpt = a.rcpt[i % len(a.rcpt)]
        mine = []
        while True:
            with lock:
                n = state["next"]
                if n >= len(payloads):
                    break
                state["next"] = n + 1
            t0 = time.monotonic()
            code, text = c.deliver(rcpt, payloads[n])
            mine.append(time.monotonic() - t0)
            with lock:
                if code == 250:
                    state["done"] += 1
                    if state["done"] % 500 == 0:
                        log(f"    {state['done']} delivered, {time.monotonic() - t_start:.1f} s")
                else:
                    state["failed"].append((n, code, text.decode("latin-1")[:200]))
        c.quit()
        with lock:
            lat.extend(mine)

    pids = [int(p) for p in a.server_pids.split(",") if p] if a.server_pids else []
    with Meter(pids) as m:
        t_start = time.monotonic()
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.conns)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    rate = state["done"] / m.wall
    res = {"kind": "lmtp", "label": a.label, "server": a.server, "conns": a.conns, "rcpts": len(a.rcpt),
           "messages": len(payloads), "delivered": state["done"], "failed": len(state["failed"]),
           "first_failures": state["failed"][:3], "seconds": round(m.wall, 2), "rate": round(rate, 1),
           "p50_ms": round(pct(lat, 50) * 1000, 1), "p99_ms": round(pct(lat, 99) * 1000, 1),
           "raw_bytes": raw_bytes, **m.readings}
    log(f"  [{a.label}] {state['done']} delivered in {m.wall:.1f} s = {rate:.1f} msg/s, "
        f"p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms, {len(state['failed'])} failed; "
        f"load {m.readings['load_before']} -> {m.readings['load_after']}, cores: server {m.readings['server_cores']}, "
        f"client {m.readings['client_cores']}, others {m.readings['others_cores']}")
    for f in state["failed"][:3]:
        log(f"    failed #{f[0]}: {f[1]} {f[2]}")
    append(a.out, res)


# ---------------------------------------------------------------- IMAP

class ImapError(Exception):
    pass


class Imap:
    """A minimal IMAP4rev1 client: sends a tagged command, reads untagged lines with their literals."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.f = self.sock.makefile("rb", buffering=1 << 16)
        self.n = 0
        greeting = self.f.readline()
        if not greeting.startswith(b"* OK"):
            raise ImapError(greeting)

    def command(self, text):
        """Returns (status line, untagged responses as bytes with literals inlined, literal byte count)."""
        self.n += 1
        tag = b"a%d" % self.n
        self.sock.sendall(tag + b" " + text.encode() + b"\r\n")
        untagged, lit = [], 0
        while True:
            line = self.f.readline()
            if not line:
                raise ImapError("connection closed during " + text)
            parts = [line]
            while line.endswith(b"}\r\n"):
                m = re.search(rb"\{(\d+)\}\r\n$", line)
                if not m:
                    break
                size = int(m.group(1))
                parts.append(self.f.read(size))
                lit += size
                line = self.f.readline()
                parts.append(line)
            whole = b"".join(parts)
            if whole.startswith(tag + b" "):
                if not whole[len(tag) + 1:].startswith(b"OK"):
                    raise ImapError(f"{text}: {whole[:300]!r}")
                return whole, untagged, lit
            untagged.append(whole)

    def login(self, user, password):
        """LOGIN, retried for a while when a per-user session cap refuses it (closed sessions may still count)."""
        for attempt in range(50):
            try:
                return self.command(f'LOGIN "{user}" "{password}"')
            except ImapError as e:
                if attempt == 49 or not any(w in str(e) for w in ("LIMIT", "UNAVAILABLE", "Maximum number")):
                    raise
                time.sleep(0.1)

    def close(self):
        try:
            self.command("LOGOUT")
        except Exception:
            pass
        self.sock.close()


def search_count(untagged):
    for u in untagged:
        if u.startswith(b"* SEARCH"):
            return len(u.split()) - 2
    return None


def run_imap(a):
    msgs = read_mbox(a.mbox)
    rnd = random.Random(20261129)
    # search words: subjects' words of 5+ letters that appear in several subjects; FROM: frequent senders
    subj_words, senders = {}, {}
    for raw in msgs:
        head = raw.split(b"\n\n", 1)[0].decode("latin-1")
        m = re.search(r"^Subject:(.*)$", head, re.M | re.I)
        if m:
            for w in set(re.findall(r"[A-Za-z]{5,}", m.group(1))):
                subj_words[w.lower()] = subj_words.get(w.lower(), 0) + 1
        m = re.search(r"^From:.*?([\w.+-]+@[\w.-]+)", head, re.M | re.I)
        if m:
            senders[m.group(1).lower()] = senders.get(m.group(1).lower(), 0) + 1
    words = sorted(w for w, c in subj_words.items() if 5 <= c <= 200)
    froms = sorted(s for s, c in senders.items() if c >= 5)
    clients = [int(c) for c in a.clients.split(",")]
    # (server, port, pids): --target SERVER:PORT[:PID,PID] repeated, or the single --server/--port/--server-pids
    targets = []
    for spec in a.target or [f"{a.server}:{a.port}:{a.server_pids}"]:
        server, port, pids = (spec.split(":", 2) + [""])[:3]
        targets.append((server, int(port), [int(p) for p in pids.split(",") if p]))

    sizes = set()
    for server, port, _ in targets:
        probe = Imap(a.host, port)
        probe.login(a.user, a.password)
        _, unt, _ = probe.command("SELECT INBOX")
        sizes.add(next(int(u.split()[1]) for u in unt if u.endswith(b"EXISTS\r\n")))
        probe.close()
    if len(sizes) != 1:
        raise SystemExit(f"the servers' INBOXes differ in size: {sizes}")
    exists = sizes.pop()
    log(f"  INBOX of {a.user} holds {exists} messages on {', '.join(t[0] for t in targets)}; "
        f"{len(words)} subject words, {len(froms)} senders; each operation runs on each server in turn")

    def store(r, ctx):
        # Each client flips \Seen on its own share of the messages (i, i+n, ...), in a shuffled order:
        # +FLAGS on the first pass, -FLAGS on the next, so every STORE changes a flag (all start unseen).
        if "order" not in ctx:
            ctx["order"] = list(range(ctx["i"] + 1, exists + 1, ctx["nc"]))
            r.shuffle(ctx["order"])
            ctx["k"] = 0
        k, order = ctx["k"], ctx["order"]
        ctx["k"] = k + 1
        sign = "+" if (k // len(order)) % 2 == 0 else "-"
        return f"STORE {order[k % len(order)]} {sign}FLAGS (\\Seen)"

    ops = [
        ("select", lambda r, ctx: "SELECT INBOX"),
        ("fetch headers 1:*", lambda r, ctx: "FETCH 1:* (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])"),
        ("fetch body (1 random msg)", lambda r, ctx: f"FETCH {r.randint(1, exists)} (BODY.PEEK[])"),
        ("search SUBJECT word", lambda r, ctx: f"SEARCH SUBJECT {r.choice(words)}"),
        ("search FROM addr", lambda r, ctx: f"SEARCH FROM {r.choice(froms)}"),
        ("search UNSEEN", lambda r, ctx: "SEARCH UNSEEN"),
        ("store +/-FLAGS \\Seen (1 msg)", store),
    ]
    only = set(a.ops.split(",")) if a.ops else None
    for name, make in ops:
        if only and not any(name.startswith(o) for o in only):
            continue
        for nc, (server, port, pids) in [(nc, t) for nc in clients for t in targets]:
            if name.startswith("store"):  # untimed: every message unseen again
                c = Imap(a.host, port)
                c.login(a.user, a.password)
                c.command("SELECT INBOX")
                c.command("STORE 1:* -FLAGS.SILENT (\\Seen)")
                c.close()
            conns = []
            for _ in range(nc):
                c = Imap(a.host, port)
                c.login(a.user, a.password)
                c.command("SELECT INBOX")
                conns.append(c)
            lock = threading.Lock()
            lat, errors, results, bytes_ = [], [], [], [0]
            deadline = [0.0]

            def worker(i):
                r = random.Random(f"{name}/{nc}/{i}")
                ctx = {"i": i, "nc": nc}
                c = conns[i]
                mine = []
                while True:
                    cmd = make(r, ctx)
                    t0 = time.monotonic()
                    try:
                        _, unt, lit = c.command(cmd)
                    except Exception as e:  # keep going: an error is a result too
                        with lock:
                            errors.append(str(e)[:300])
                        break
                    mine.append(time.monotonic() - t0)
                    with lock:
                        bytes_[0] += lit
                        if len(results) < 2000:
                            results.append((cmd, search_count(unt), len(unt)))
                    if time.monotonic() >= deadline[0] or (a.count and len(mine) >= a.count):
                        break
                with lock:
                    lat.extend(mine)

            with Meter(pids) as m:
                deadline[0] = time.monotonic() + a.seconds
                threads = [threading.Thread(target=worker, args=(i,)) for i in range(nc)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
            for c in conns:
                c.close()
            n = len(lat)
            res = {"kind": "imap", "label": a.label, "server": server, "op": name, "clients": nc, "commands": n,
                   "seconds": round(m.wall, 2), "rate": round(n / m.wall, 1),
                   "p50_ms": round(pct(lat, 50) * 1000, 1) if lat else None,
                   "p99_ms": round(pct(lat, 99) * 1000, 1) if lat else None,
                   "literal_mb": round(bytes_[0] / 1e6, 2), "errors": len(errors), "first_errors": errors[:3],
                   "sample": [r for r in results[:5]], **m.readings}
            if name.startswith("search"):
                res["hits_mean"] = round(statistics.mean(r[1] for r in results if r[1] is not None), 1) \
                    if any(r[1] is not None for r in results) else None
            log(f"  [{server}] {name:28s} x{nc:<2d}: {n} commands in {m.wall:.1f} s = {n / m.wall:.1f}/s, "
                f"p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms, {len(errors)} errors; "
                f"load {m.readings['load_before']} -> {m.readings['load_after']}, cores: server {m.readings['server_cores']}, "
                f"others {m.readings['others_cores']}")
            for e in errors[:3]:
                log(f"    error: {e}")
            append(a.out, res)


def run_check(a):
    """Same SEARCH commands on both servers: prints the hit counts side by side (a correctness cross-check)."""
    msgs = read_mbox(a.mbox)
    out = {}
    for spec in a.server:
        label, port, user, pw = spec.split(":", 3)
        c = Imap(a.host, int(port))
        c.login(user, pw)
        _, unt, _ = c.command("EXAMINE INBOX")
        res = {"exists": next(int(u.split()[1]) for u in unt if u.endswith(b"EXISTS\r\n"))}
        for q in a.query:
            try:
                _, unt, _ = c.command("SEARCH " + q)
                res[q] = search_count(unt)
            except ImapError as e:
                res[q] = "error: " + str(e)[:120]
        _, unt, lit = c.command("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])")
        res["header bytes"] = lit
        # LARGER n cross-checked against the server's own RFC822.SIZE values
        _, unt, _ = c.command("FETCH 1:* (RFC822.SIZE)")
        sizes = [int(m.group(1)) for u in unt for m in [re.search(rb"RFC822\.SIZE (\d+)", u)] if m]
        res["RFC822.SIZE total"] = sum(sizes)
        _, unt, lit = c.command("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (RETURN-PATH DELIVERED-TO RECEIVED)])")
        res["trace field bytes (Return-Path, Delivered-To, Received)"] = lit
        for q in a.query:
            m = re.fullmatch(r"LARGER (\d+)", q)
            if m:
                res[f"RFC822.SIZE > {m.group(1)} (FETCH)"] = sum(1 for z in sizes if z > int(m.group(1)))
        c.close()
        out[label] = res
    keys = list(next(iter(out.values())).keys())
    log("| check | " + " | ".join(out) + " |")
    log("| --- |" + " --- |" * len(out))
    for k in keys:
        log(f"| `{k}` | " + " | ".join(str(out[s].get(k)) for s in out) + " |")
    append(a.out, {"kind": "check", "results": out})


# ---------------------------------------------------------------- results

def append(path, obj):
    if path:
        with open(path, "a") as f:
            f.write(json.dumps(obj) + "\n")


def table(a):
    rows = [json.loads(l) for l in open(a.file) if l.strip()]
    lm = [r for r in rows if r["kind"] == "lmtp" and not r["label"].startswith("warm")]
    if lm:
        print("\n| server | connections | recipients | delivered | seconds | msg/s | p50 ms | p99 ms | load before → after | cores: server / client / others |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
        for r in lm:
            print(f"| {r['server']} | {r['conns']} | {r['rcpts']} | {r['delivered']}/{r['messages']} | {r['seconds']} | "
                  f"**{r['rate']}** | {r['p50_ms']} | {r['p99_ms']} | {r['load_before']} → {r['load_after']} | "
                  f"{r['server_cores']} / {r['client_cores']} / {r['others_cores']} |")
    du = [r for r in rows if r["kind"] == "disk"]
    if du:
        print("\n| server | what | messages | bytes on disk (du -sb / du -sk*1024) | per 1,000 messages | files |")
        print("| --- | --- | ---: | --- | --- | ---: |")
        for r in du:
            per = lambda b: f"{b / r['messages'] * 1000 / 1048576:.2f} MiB"
            print(f"| {r['server']} | {r['what']} | {r['messages']} | {r['apparent']:,} / {r['blocks']:,} | "
                  f"{per(r['apparent'])} / {per(r['blocks'])} | {r['files']} |")
    im = [r for r in rows if r["kind"] == "imap"]
    if im:
        by = {}
        for r in im:
            by.setdefault((r["op"], r["clients"]), {})[r["server"]] = r
        servers = sorted({r["server"] for r in im})
        print("\n| operation | clients | " + " | ".join(f"{s} cmd/s (p50 / p99 ms)" for s in servers)
              + (" | quire / dovecot rate |" if set(servers) >= {"quire", "dovecot"} else " |"))
        print("| --- | ---: |" + " ---: |" * len(servers) + (" ---: |" if set(servers) >= {"quire", "dovecot"} else ""))
        for (op, nc), d in by.items():
            cells = []
            for s in servers:
                r = d.get(s)
                cells.append("–" if r is None else f"{r['rate']} ({r['p50_ms']} / {r['p99_ms']})"
                             + (f" {r['errors']} errors" if r["errors"] else ""))
            ratio = ""
            if "quire" in d and "dovecot" in d and d["dovecot"]["rate"]:
                ratio = f" | {d['quire']['rate'] / d['dovecot']['rate']:.2f}"
            print(f"| {op} | {nc} | " + " | ".join(cells) + ratio + (" |" if ratio else " |"))


def runs(a):
    """Quire ÷ Dovecot rate per case over several result files (one column per run)."""
    cols, cases = [], {}
    for path in a.files:
        rows = [json.loads(l) for l in open(path) if l.strip()]
        col = os.path.basename(path).replace("results-", "").replace(".jsonl", "")
        cols.append(col)
        for r in rows:
            if r["kind"] == "lmtp" and not r["label"].startswith(("warm", "strace")):
                key = f"LMTP {r['conns']} conn, {r['rcpts']} rcpt"
            elif r["kind"] == "imap" and r["server"] in ("quire", "dovecot"):
                key = f"{r['op']} x{r['clients']}"
            else:
                continue
            cases.setdefault(key, {}).setdefault(col, {})[r["server"]] = r["rate"]
    print("| case | " + " | ".join(cols) + " |")
    print("| --- |" + " ---: |" * len(cols))
    for key, by in cases.items():
        cells = []
        for c in cols:
            v = by.get(c, {})
            cells.append(f"{v['quire'] / v['dovecot']:.2f}" if "quire" in v and "dovecot" in v and v["dovecot"] else "–")
        print(f"| {key} | " + " | ".join(cells) + " |")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("lmtp")
    l.add_argument("--host", default="127.0.0.1")
    l.add_argument("--port", type=int, required=True)
    l.add_argument("--mbox", required=True)
    l.add_argument("--limit", type=int)
    l.add_argument("--rcpt", action="append", required=True)
    l.add_argument("--conns", type=int, default=1)
    l.add_argument("--label", default="lmtp")
    l.add_argument("--server", default="?")
    l.add_argument("--server-pids", default="")
    l.add_argument("--out")
    i = sub.add_parser("imap")
    i.add_argument("--host", default="127.0.0.1")
    i.add_argument("--port", type=int)
    i.add_argument("--target", action="append", help="SERVER:PORT[:PID,PID]; repeat to alternate servers per phase")
    i.add_argument("--user", required=True)
    i.add_argument("--password", required=True)
    i.add_argument("--mbox", required=True)
    i.add_argument("--clients", default="1,20")
    i.add_argument("--seconds", type=float, default=8.0)
    i.add_argument("--ops", default="")
    i.add_argument("--count", type=int, default=0, help="stop each client after this many commands")
    i.add_argument("--label", default="imap")
    i.add_argument("--server", default="?")
    i.add_argument("--server-pids", default="")
    i.add_argument("--out")
    c = sub.add_parser("check")
    c.add_argument("--host", default="127.0.0.1")
    c.add_argument("--server", action="append", required=True, help="label:port:user:password")
    c.add_argument("--query", action="append", required=True)
    c.add_argument("--mbox", required=True)
    c.add_argument("--out")
    t = sub.add_parser("table")
    t.add_argument("file")
    rr = sub.add_parser("runs")
    rr.add_argument("files", nargs="+")
    a = p.parse_args()
    {"lmtp": run_lmtp, "imap": run_imap, "check": run_check, "table": table, "runs": runs}[a.cmd](a)


if __name__ == "__main__":
    main()
