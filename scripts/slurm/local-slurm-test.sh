#!/bin/sh
# A single-node Slurm on this machine (Debian 12's slurm-wlm 22.05 and munge; no systemd
# needed), an array of campaign shards through it, the merge, and the summary checked.
#
#   sh scripts/slurm/local-slurm-test.sh UTERMD [SHARDS] [RUNS] [SEED] [OUT]
#
# Defaults: 4 shards × 25 runs (100 runs), seed 1, .build/slurm-campaign. Installs the
# packages when missing (apt-get update first; as root, or through sudo). munged, slurmctld
# and slurmd are started here with a configuration in .build/slurm (SLURM_CONF), and stopped by
# their PIDs at the end, whatever happened. Exit 0 when every shard ran, the merge holds RUNS
# runs and no violation.
set -eu
UTERMD=$(realpath "${1:?usage: local-slurm-test.sh UTERMD [SHARDS] [RUNS] [SEED] [OUT]}")
SHARDS=${2:-4}
RUNS=${3:-100}
SEED=${4:-1}
OUT=$(realpath -m "${5:-.build/slurm-campaign}")
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
STATE=$(realpath -m .build/slurm)

missing=""
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    echo "local-slurm-test: installing$missing"
    $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
fi

rm -rf "$STATE" "$OUT"
mkdir -p "$STATE/spool" "$STATE/state" "$STATE/log" "$OUT"
pids=""
cleanup() {
    # Stop what this script started, by PID: slurmd, slurmctld, then munged.
    for pid in $pids; do $SUDO kill "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in $pids; do $SUDO kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# munge: the package made /etc/munge/munge.key; run munged as its user.
$SUDO mkdir -p /run/munge && $SUDO chown munge:munge /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    $SUDO runuser -u munge -- /usr/sbin/munged --pid-file="$STATE/munged.pid" 2>>"$STATE/log/munged.log" \
        || $SUDO runuser -u munge -- /usr/sbin/munged
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
    munge -n | unmunge >/dev/null || { echo "local-slurm-test: munged did not start"; exit 1; }
    [ -f "$STATE/munged.pid" ] && pids="$(cat "$STATE/munged.pid")"
fi

MEMORY=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n 1)
CPUS=$(nproc)
export SLURM_CONF="$STATE/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=utermd-local
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
SlurmctldPort=6917
SlurmdPort=6918
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
NodeName=localhost CPUs=$CPUS RealMemory=${MEMORY:-1000} State=UNKNOWN
PartitionName=campaign Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

$SUDO env SLURM_CONF="$SLURM_CONF" slurmctld -D -f "$SLURM_CONF" >"$STATE/log/slurmctld.out" 2>&1 &
pids="$! $pids"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmd -D -N localhost -f "$SLURM_CONF" >"$STATE/log/slurmd.out" 2>&1 &
pids="$! $pids"
for _ in $(seq 100); do [ "$(sinfo -h -o %T 2>/dev/null | head -n 1)" = idle ] && break; sleep 0.3; done
sinfo -h -o '%P %T %c' || { echo "local-slurm-test: slurmctld did not answer"; tail -20 "$STATE"/log/*; exit 1; }
[ "$(sinfo -h -o %T | head -n 1)" = idle ] || { echo "local-slurm-test: the node is not idle"; tail -20 "$STATE"/log/*; exit 1; }

started=$(date +%s)
job=$(sbatch --parsable --array=0-$((SHARDS - 1)) -o "$OUT/slurm-%A_%a.out" -D "$(pwd)" \
    scripts/slurm/campaign.sbatch "$RUNS" "$SEED" "$OUT" "$UTERMD")
echo "local-slurm-test: job array $job, $SHARDS shards of campaign seed $SEED ($RUNS runs)"
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do sleep 2; done
echo "local-slurm-test: array done in $(( $(date +%s) - started )) s"
for f in "$OUT"/slurm-*.out; do tail -n 3 "$f" | sed "s|^|  $(basename "$f"): |"; done
"$UTERMD" campaign merge "$OUT" --expect-runs "$RUNS"
