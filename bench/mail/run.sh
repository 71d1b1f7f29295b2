#!/usr/bin/env bash
# Side-by-side mail benchmarks, Quire and Dovecot, on loopback (docs/benchmarks.md, "Mail benchmarks").
#
#   bench/mail/run.sh [all|lmtp|imap]
#
# Starts a Quire node (the runnable jar) and a Dovecot (private config, Maildir, passwd-file users) on free
# loopback ports in a temporary directory, delivers the corpus over LMTP to both with 1 and 10 connections,
# measures the disk each uses, then runs the IMAP operations at 1 and 20 clients against the mailbox each
# got from the 1-connection run; stops both and prints the tables. Not part of `./quire test`.
#
# Environment:
#   MAILBENCH_JAR      Quire's runnable jar (default: server/dist/target/quire.jar)
#   MAILBENCH_MBOX     the corpus (default: /work/shared/corpus/spamassassin/easy-ham-1.mbox)
#   MAILBENCH_LIMIT    deliver only the first N messages (a smoke test)
#   MAILBENCH_SECONDS  length of each timed IMAP phase (default 8)
#   MAILBENCH_JFR      a file name: record a JFR profile of the Quire JVM into it
#   MAILBENCH_KEEP=1   keep the temporary directory (data, configs, logs)
#   JAVA_HOME          the JDK (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WHAT="${1:-all}"
JAR="${MAILBENCH_JAR:-$ROOT/server/dist/target/quire.jar}"
MBOX="${MAILBENCH_MBOX:-/work/shared/corpus/spamassassin/easy-ham-1.mbox}"
SECONDS_PER_OP="${MAILBENCH_SECONDS:-8}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
LOAD=(python3 "$HERE/load.py")
DOMAIN=example.org
PW=bench-pw
TOKEN=bench-admin-token

[ -f "$JAR" ] || { echo "mailbench: no Quire jar at $JAR (build it, or set MAILBENCH_JAR)" >&2; exit 2; }
[ -f "$MBOX" ] || { echo "mailbench: no corpus at $MBOX" >&2; exit 2; }
if ! command -v dovecot >/dev/null || [ ! -x /usr/lib/dovecot/lmtp ] || [ ! -x /usr/lib/dovecot/imap ]; then
  echo "== installing Dovecot (dovecot-imapd, dovecot-lmtpd)"
  apt-get install -y dovecot-imapd dovecot-lmtpd >/dev/null
fi

WORK="$(mktemp -d /tmp/quire-mailbench.XXXXXX)"
chmod 755 "$WORK"   # Dovecot's mail processes run as nobody and must reach their homes below it
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
Q_HTTP=$(free_port); Q_LMTP=$(free_port); Q_SMTP=$(free_port); Q_IMAP=$(free_port)
D_LMTP=$(free_port); D_IMAP=$(free_port)
QUIRE_PID=""; DOVECOT_CONF="$WORK/dovecot/dovecot.conf"

stop_all() {
  set +e
  if [ -n "$QUIRE_PID" ] && kill -0 "$QUIRE_PID" 2>/dev/null; then
    kill "$QUIRE_PID"; wait "$QUIRE_PID" 2>/dev/null
  fi
  [ -f "$WORK/dovecot/run/master.pid" ] && dovecot -c "$DOVECOT_CONF" stop 2>/dev/null
  mkdir -p "$HERE/target"
  cp "$RESULTS" "$HERE/target/results-$(date -u +%Y%m%dT%H%M%S).jsonl" 2>/dev/null
  if [ "${MAILBENCH_KEEP:-0}" = 1 ]; then echo "== kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop_all EXIT

echo "== mail benchmark $(date -u '+%Y-%m-%d %H:%M:%S UTC') in $WORK"
echo "   machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(df -hT "$WORK" | awk 'NR==2{print $1" "$2}')"
echo "   quire jar: $JAR ($(date -u -r "$JAR" '+%H:%M:%S'), $(cat "$(dirname "$JAR")/../../../.commit" 2>/dev/null || echo 'commit unknown'))"
echo "   dovecot: $(dovecot --version), corpus: $MBOX"

# ------------------------------------------------------------------------------------------- Dovecot
start_dovecot() {
  local d="$WORK/dovecot"
  mkdir -p "$d/run" "$d/state" "$d/home"
  chown nobody:nogroup "$d/home"
  : > "$d/users"
  for u in "$@"; do
    echo "$u:{PLAIN}$PW:65534:65534::$d/home/$u::" >> "$d/users"
  done
  cat > "$DOVECOT_CONF" <<EOF
# Written by bench/mail/run.sh. Everything not set here is Dovecot's default (mail_fsync = optimized).
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = username_format=%u $d/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $d/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $D_IMAP
  }
  inet_listener imaps {
    port = 0
  }
}
# The one change from the defaults: the IMAP runs open 20 sessions of one user from one address,
# and the default cap is 10 (a connection limit, not a performance setting).
protocol imap {
  mail_max_userip_connections = 50
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $D_LMTP
  }
}
EOF
  dovecot -c "$DOVECOT_CONF"
  for _ in $(seq 50); do
    [ -f "$d/run/master.pid" ] && (exec 3<>/dev/tcp/127.0.0.1/$D_LMTP) 2>/dev/null && break
    sleep 0.1
  done
  echo "   dovecot: LMTP 127.0.0.1:$D_LMTP, IMAP 127.0.0.1:$D_IMAP, master pid $(cat "$d/run/master.pid"), mail_fsync = $(doveconf -c "$DOVECOT_CONF" -h mail_fsync)"
}

# --------------------------------------------------------------------------------------------- Quire
start_quire() {
  local d="$WORK/quire"
  mkdir -p "$d"
  cat > "$d/node.yaml" <<EOF
node: bench
dataDir: $d/data
http: 127.0.0.1:$Q_HTTP
adminToken: $TOKEN
mail:
  imap: 127.0.0.1:$Q_IMAP
  lmtp: 127.0.0.1:$Q_LMTP
  smtp: 127.0.0.1:$Q_SMTP
  domains: [$DOMAIN]
EOF
  local jfr=()
  [ -n "${MAILBENCH_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$MAILBENCH_JFR,settings=profile")
  # The launcher's JVM flags (./quire run_jar)
  "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dpolyglotimpl.AttachLibraryFailureAction=ignore -Dpolyglot.engine.WarnInterpreterOnly=false \
    "${jfr[@]}" ${QUIRE_JAVA_OPTS:-} -jar "$JAR" start --config "$d/node.yaml" > "$d/quire.log" 2>&1 &
  QUIRE_PID=$!
  for _ in $(seq 600); do
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$Q_HTTP/api/v1/mail/users" && break
    kill -0 "$QUIRE_PID" 2>/dev/null || { echo "quire did not start:"; tail -20 "$d/quire.log"; exit 1; }
    sleep 0.2
  done
  for u in "$@"; do
    local code
    code=$(curl -s -o "$d/user.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"$u\",\"password\":\"$PW\"}" "http://127.0.0.1:$Q_HTTP/api/v1/mail/users")
    [ "$code" = 201 ] || { echo "creating $u: HTTP $code $(cat "$d/user.json")"; exit 1; }
  done
  echo "   quire: HTTP 127.0.0.1:$Q_HTTP, LMTP 127.0.0.1:$Q_LMTP, IMAP 127.0.0.1:$Q_IMAP, pid $QUIRE_PID"
}

dovecot_pid() { cat "$WORK/dovecot/run/master.pid"; }
imap_up() { (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null; }

# The directory of a Quire database, found by the name in its path (db names are mail.<user>).
quire_db_dir() { find "$WORK/quire/data" -maxdepth 3 -type d -name "*mail.$1*" | head -1; }

disk() {  # server what messages dir...
  local s="$1" w="$2" n="$3" apparent blocks files; shift 3
  apparent=$(du -scb "$@" | tail -1 | cut -f1); blocks=$(( $(du -sck "$@" | tail -1 | cut -f1) * 1024 ))
  files=$(find "$@" -type f | wc -l)
  set -- "$s" "$w" "$n"
  echo "   disk: $1 $2: $apparent bytes (du -sb), $blocks bytes in blocks, $files files, $3 messages"
  printf '{"kind":"disk","server":"%s","what":"%s","messages":%d,"apparent":%d,"blocks":%d,"files":%d}\n' \
    "$1" "$2" "$3" "$apparent" "$blocks" "$files" >> "$RESULTS"
}

USERS=(warm@$DOMAIN one@$DOMAIN ten@$DOMAIN)
for i in $(seq 0 9); do USERS+=("m$i@$DOMAIN"); done
MULTI=(); for i in $(seq 0 9); do MULTI+=(--rcpt "m$i@$DOMAIN"); done

echo "== starting servers"
start_dovecot "${USERS[@]}"
start_quire "${USERS[@]}"
SRV_Q=(--server quire --server-pids "$QUIRE_PID")
SRV_D=(--server dovecot --server-pids "$(dovecot_pid)")

N=$(grep -c '^From ' "$MBOX")
LIMIT=()
if [ -n "${MAILBENCH_LIMIT:-}" ]; then N=$MAILBENCH_LIMIT; LIMIT=(--limit "$N"); fi
if [ "$WHAT" = all ] || [ "$WHAT" = lmtp ] || [ "$WHAT" = imap ]; then
  echo "== LMTP delivery (warm-up: 300 messages each, not counted)"
  "${LOAD[@]}" lmtp --port "$Q_LMTP" --mbox "$MBOX" --limit 300 --rcpt "warm@$DOMAIN" --conns 4 --label warm-quire "${SRV_Q[@]}" --out "$RESULTS"
  "${LOAD[@]}" lmtp --port "$D_LMTP" --mbox "$MBOX" --limit 300 --rcpt "warm@$DOMAIN" --conns 4 --label warm-dovecot "${SRV_D[@]}" --out "$RESULTS"
  echo "== LMTP: 1 connection, one recipient"
  "${LOAD[@]}" lmtp --port "$Q_LMTP" --mbox "$MBOX" "${LIMIT[@]}" --rcpt "one@$DOMAIN" --conns 1 --label quire-1 "${SRV_Q[@]}" --out "$RESULTS"
  "${LOAD[@]}" lmtp --port "$D_LMTP" --mbox "$MBOX" "${LIMIT[@]}" --rcpt "one@$DOMAIN" --conns 1 --label dovecot-1 "${SRV_D[@]}" --out "$RESULTS"
fi
if [ "$WHAT" = all ] || [ "$WHAT" = lmtp ]; then
  echo "== LMTP: 10 connections, one recipient"
  "${LOAD[@]}" lmtp --port "$Q_LMTP" --mbox "$MBOX" "${LIMIT[@]}" --rcpt "ten@$DOMAIN" --conns 10 --label quire-10 "${SRV_Q[@]}" --out "$RESULTS"
  "${LOAD[@]}" lmtp --port "$D_LMTP" --mbox "$MBOX" "${LIMIT[@]}" --rcpt "ten@$DOMAIN" --conns 10 --label dovecot-10 "${SRV_D[@]}" --out "$RESULTS"
  echo "== LMTP: 10 connections, each to its own recipient (10 users)"
  "${LOAD[@]}" lmtp --port "$Q_LMTP" --mbox "$MBOX" "${LIMIT[@]}" "${MULTI[@]}" --conns 10 --label quire-10x10 "${SRV_Q[@]}" --out "$RESULTS"
  "${LOAD[@]}" lmtp --port "$D_LMTP" --mbox "$MBOX" "${LIMIT[@]}" "${MULTI[@]}" --conns 10 --label dovecot-10x10 "${SRV_D[@]}" --out "$RESULTS"

  echo "== disk used by the $N messages of the 1-connection run"
  disk dovecot "home of one@ (Maildir + indexes)" "$N" "$WORK/dovecot/home/one@$DOMAIN"
  disk dovecot "one@'s message files only (Maildir/cur + new)" "$N" "$WORK/dovecot/home/one@$DOMAIN/Maildir/cur" "$WORK/dovecot/home/one@$DOMAIN/Maildir/new"
  QDB=$(quire_db_dir "one@$DOMAIN")
  disk quire "database mail.one@ (just after delivery)" "$N" "$QDB"
  echo "   (waiting 30 s for the node's background maintenance, then measuring again)"
  sleep 30
  disk quire "database mail.one@ (30 s later)" "$N" "$QDB"
  disk quire "whole data dir (13 users, $((N * 3 + 300)) messages)" "$((N * 3 + 300))" "$WORK/quire/data"
  disk dovecot "all homes (13 users, $((N * 3 + 300)) messages)" "$((N * 3 + 300))" "$WORK/dovecot/home"
fi

if { [ "$WHAT" = all ] || [ "$WHAT" = lmtp ]; } && command -v strace >/dev/null; then
  # Not timed: which sync calls each server makes per delivered message (strace follows new children).
  echo "== fsync audit: 50 messages to warm@ over 1 connection, each server under strace -f"
  for srv in quire dovecot; do
    if [ $srv = quire ]; then pids=("-p" "$QUIRE_PID"); port=$Q_LMTP
    else pids=(); for p in $(dovecot_pid) $(pgrep -d ' ' -P "$(dovecot_pid)"); do pids+=("-p" "$p"); done; port=$D_LMTP; fi
    strace -f -qq -c -e trace=fsync,fdatasync,sync_file_range,rename,renameat,renameat2,link,linkat "${pids[@]}" \
      -o "$WORK/strace-$srv.txt" & spid=$!
    sleep 2
    "${LOAD[@]}" lmtp --port "$port" --mbox "$MBOX" --limit 50 --rcpt "warm@$DOMAIN" --conns 1 --label "strace-$srv" > /dev/null
    kill -INT $spid; wait $spid 2>/dev/null || true
    echo "   $srv, syscalls for 50 deliveries:"; sed -n '/^% time/,$p' "$WORK/strace-$srv.txt" | sed 's/^/     /'
  done
fi

if [ "$WHAT" = all ] || [ "$WHAT" = imap ]; then
  echo "== IMAP on the mailbox of one@ ($N messages delivered over LMTP)"
  if imap_up "$Q_IMAP"; then
    "${LOAD[@]}" check --mbox "$MBOX" --server "quire:$Q_IMAP:one@$DOMAIN:$PW" --server "dovecot:$D_IMAP:one@$DOMAIN:$PW" \
      --query 'ALL' --query 'UNSEEN' --query 'SUBJECT razor' --query 'FROM spamassassin' --query 'SUBJECT "re: "' \
      --query 'BODY linux' --query 'LARGER 10000' --query 'SINCE 1-Sep-2002' --out "$RESULTS"
    "${LOAD[@]}" imap --target "quire:$Q_IMAP:$QUIRE_PID" --target "dovecot:$D_IMAP:$(dovecot_pid)" --user "one@$DOMAIN" \
      --password "$PW" --mbox "$MBOX" --clients 1,20 --seconds "$SECONDS_PER_OP" --label imap --out "$RESULTS"
    if command -v strace >/dev/null; then
      echo "== fsync audit: 100 single-message STOREs (after one untimed STORE 1:* -FLAGS.SILENT) over 1 IMAP session, under strace -f"
      for srv in quire dovecot; do
        if [ $srv = quire ]; then pids=("-p" "$QUIRE_PID"); port=$Q_IMAP
        else pids=(); for p in $(dovecot_pid) $(pgrep -d ' ' -P "$(dovecot_pid)"); do pids+=("-p" "$p"); done; port=$D_IMAP; fi
        strace -f -qq -c -e trace=fsync,fdatasync,sync_file_range,rename,renameat,renameat2 "${pids[@]}" \
          -o "$WORK/strace-imap-$srv.txt" & spid=$!
        sleep 2
        "${LOAD[@]}" imap --port "$port" --user "one@$DOMAIN" --password "$PW" --mbox "$MBOX" --clients 1 --ops store \
          --count 100 --seconds 60 --label "strace-$srv" > /dev/null
        kill -INT $spid; wait $spid 2>/dev/null || true
        echo "   $srv:"; sed -n '/^% time/,$p' "$WORK/strace-imap-$srv.txt" | sed 's/^/     /'
      done
    fi
  else
    echo "   Quire's IMAP port 127.0.0.1:$Q_IMAP does not answer: this jar has no IMAP server; IMAP skipped"
  fi
fi

echo "== results ($(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg))"
"${LOAD[@]}" table "$RESULTS"
grep -h 'fsync\|error\|Error' "$WORK/dovecot/dovecot.log" | head -5 || true
grep -c 'ERROR' "$WORK/quire/quire.log" | sed 's/^/   quire log ERROR lines: /' || true
