/*
 * The transmit interlock and its hand-offs, for spin (Model/README.md says what is modelled,
 * within which bounds, and what is proved).
 *
 * Processes: Tick (the real-time tick: TerminalCore.tick, the interlock, the PA supply, stow,
 * and after the loop has g_stopped the daemon's stop sequence), Writer (AuditWriter's thread),
 * Policy (the daemon depositing a policy through PolicyHandoff), Crash (a kill at any point,
 * then a restart that scans the log).
 *
 * The interlock's own step is not written here: `interlock_table()` is generated from
 * Model/interlock-transitions.txt, the table InterlockTransitionTableTests derives from the
 * Swift code.
 *
 * Builds: default = safety (assertions, deadlocks); -DLIVENESS = the settling environment
 * and the `live` claim; -DNP = the progress check (the tick is never blocked). MUT_* seed
 * mistakes that the checks must catch; CHECK_* are questions whose answer is "no".
 */

#ifndef CAP
#define CAP 2            /* records the hand-off queues, and as many in the outbox */
#endif
#ifndef MAXLIVES
#define MAXLIVES 2       /* the first life, and one restart after a crash */
#endif
#ifndef MAXFAULTS
#define MAXFAULTS 1      /* hardware fault kinds per run: single-fault assumption */
#endif
#ifndef MAXSTOWS
#define MAXSTOWS 1       /* operator stows per life (the stop's final stow comes on top) */
#endif
#ifndef MAXWFAILS
#define MAXWFAILS 1      /* failed appends per life */
#endif
#ifndef LIVE_TICKS
#define LIVE_TICKS 4     /* LIVENESS: transmit on by the end of this many ticks after settling */
#endif
#define SENSE_TICKS 2    /* TransmitInterlock's senseMismatchTickLimit */

#define OFF 0
#define AWAIT 1
#define ON 2
#define M0 0
#define M1 1
#define LFAULT 2
#define AGREE 0
#define DISAGREE 1
#define UNREADABLE 2
#define WOK 0
#define WFAIL 1
#define UPDATE 0
#define FORCEOFF 1
#define NOWRITE 0
#define ACTIVE 1
#define INACTIVE 2
#define R_NONE 0
#define R_ON 1
#define R_OFF 2
#define R_WDR 3
#define R_FLT 4
#define KIND(r) ((r) % 8)
#define GEN(r) ((r) / 8)
#define IS_TX(k) ((k) == R_ON || (k) == R_OFF || (k) == R_WDR)

#ifdef LIVENESS
#define NO_CRASH
#define NO_STALL
#define NO_HWFAULT
#endif

/* ---- the hardware and the world ---- */
bit conds;               /* every tick condition holds in this tick */
bit hw_te;               /* transmit_enable, physically */
bit hw_pa;               /* the PA's power, physically */
bit te_stuck;            /* fault: transmit_enable stuck where it is */
bit te_flaky;            /* fault: writes to transmit_enable may fail */
bit pa_flaky;            /* fault: writes to pa_power may fail */
bit sense_flaky;         /* fault: the sense input may be unreadable */
byte hw_faults;
bit stow_req;            /* an operator's stow, or the stop's final stow */
byte stows;
bit stop_req;

/* ---- the interlock (tick-private) and the PA supply ---- */
byte phase;
byte line;
byte pend_gen;           /* decision number of the last `on`, mod 4 */
bit pa_powered;          /* PowerAmplifierSupply.isPowered */

/* scratch of one step: inputs and outputs of interlock_table(), the PA's; zero between steps */
byte in_call, in_phase, in_line, in_sense;
bit in_conds, in_C, in_D, in_F, in_R, in_write;
byte out_phase, out_line, out_te, out_r1, out_r2, out_drop;
int t_key, t_out;
byte rec;
bit pa_target, pa_write_ok, pa_want, pa_fault;

/* ---- the audit hand-off ---- */
chan outbox = [CAP] of { byte };     /* producer-private */
chan queue = [CAP] of { byte };      /* shared, under lk */
bit lk;                  /* its mutex; the tick only ever try-locks it */
byte unseen;             /* producer: submitted and not yet seen durable */
byte seen_on_gen;
bit seen_failing;
byte durable_news;       /* shared: made durable since the producer last looked */
byte shared_on_gen;
bit shared_failing;
bit dropped;

/* ---- the writer and the file ---- */
chan pending = [2 * CAP + 2] of { byte };
byte cache;              /* written, not fsync'ed */
bit w_stop, w_done, w_stalled, w_busy;
byte w_fails;
bit file_on;             /* the last transmit record that is durable is an `on` */
bit file_suspect;        /* a line-fault record is durable after the last `on` */

/* ---- the policy hand-off ---- */
bit plk;
bit policy_pending;

/* ---- crash and restart ---- */
bit crashed;
byte lives = 1;
bit tick_parked, writer_parked, policy_parked, g_stopped;

/* ---- ghosts, for the properties ---- */
bit g_on_durable;        /* the pending `on` is durable in the file */
byte g_outstanding;      /* records submitted, not durable */
byte g_tx_outstanding;   /* of them, transmit records */
byte g_unsafe;           /* consecutive ticks ending in emission while a condition failed */
bit g_pa_write_failed;   /* a PA write failed in this tick */
bit settled;             /* LIVENESS: from now on every condition holds, nothing fails */
byte g_settled_ticks;

#include "interlock-table.pml"

/* AuditHandoff.refresh(): try-lock; when the writer holds the lock, nothing (next time). */
inline refresh() {
  atomic {
    if
    :: lk == 0 ->
       do
       :: nempty(outbox) && nfull(queue) -> outbox?rec; queue!rec
       :: empty(outbox) || full(queue) -> break
       od;
       unseen = unseen - durable_news;
       durable_news = 0;
       seen_on_gen = shared_on_gen;
       seen_failing = shared_failing;
       rec = 0
#ifndef MUT_BLOCKING_LOCK
    :: else -> skip
#endif
    fi
  }
}

/* AuditHandoff.submit(_:): into the outbox, or dropped when it is full. */
inline submit(k) {
  if
  :: k != R_NONE ->
     rec = (k == R_ON -> k + 8 * pend_gen : k);
     if
     :: nfull(outbox) ->
        outbox!rec;
        unseen++;
        g_outstanding++;
        if
        :: IS_TX(k) -> g_tx_outstanding++
        :: else -> skip
        fi
     :: full(outbox) -> dropped = 1
     fi
  :: else -> skip
  fi
}

/* One call of the interlock (update or forceOff) with the inputs set: the table's row, then
 * its effects on the line and the hand-off. */
inline interlock_step() {
  atomic {
    /* the inputs as the table's key: a decimal digit each, 0 for what the call does not read */
    if
    :: in_call == FORCEOFF -> in_conds = 0; in_C = 0; in_D = 0; in_F = 0; in_sense = 0
    :: in_call == UPDATE && in_phase != AWAIT -> in_D = 0
    :: else -> skip
    fi;
    t_key = in_call * 1000000000 + in_phase * 100000000 + in_line * 10000000 + in_conds * 1000000 +
            in_C * 100000 + in_D * 10000 + in_F * 1000 + in_R * 100 + in_sense * 10 + in_write;
    interlock_table();
    if
    :: t_out < 0 -> printf("no row of the table for key %d\n", t_key); assert(false)
    :: else -> skip
    fi;
    out_phase = t_out / 100000;
    out_line = (t_out / 10000) % 10;
    out_te = (t_out / 1000) % 10;
    out_r1 = (t_out / 100) % 10;
    out_r2 = (t_out / 10) % 10;
    out_drop = t_out % 10;
    if
    :: out_te == ACTIVE ->
       printf("MSC: interlock: transmit-enable -> active (its `on` durable: %d)\n", g_on_durable);
       assert(g_on_durable);              /* invariant 4: the `on` is durable before it takes effect */
       if
       :: !te_stuck -> hw_te = 1
       :: else -> skip
       fi
    :: out_te == INACTIVE ->
       if
       :: !te_stuck -> hw_te = 0
       :: else -> skip
       fi
    :: else -> skip
    fi;
    if
    :: out_r1 == R_ON -> pend_gen = (pend_gen + 1) % 4; g_on_durable = 0
    :: else -> skip
    fi;
    phase = out_phase;
    line = out_line;
    submit(out_r1);
    submit(out_r2);
    if
    :: out_drop > 0 -> dropped = 1
    :: else -> skip
    fi;
    submitted = (out_r1 != R_NONE);     /* submit() refreshes: the tick's second try-lock */
    in_call = 0; in_phase = 0; in_line = 0; in_sense = 0; in_conds = 0; in_C = 0; in_D = 0;
    in_F = 0; in_R = 0; in_write = 0; out_phase = 0; out_line = 0; out_te = 0; out_r1 = 0;
    out_r2 = 0; out_drop = 0; t_key = 0; t_out = 0; rec = 0
  }
}

inline choose_write_outcome() {
  if
  :: te_flaky -> if :: in_write = WOK :: in_write = WFAIL fi
  :: else -> in_write = WOK
  fi
}

/* TransmitInterlock.update(_:atNanoseconds:utc:) */
inline interlock_update() {
  refresh();
  atomic {
    in_call = UPDATE;
    in_phase = phase;
    in_line = line;
    in_conds = conds;
    in_C = (unseen == 0);
    in_D = (seen_on_gen == pend_gen);
#ifdef MUT_ON_EARLY
    in_D = 1;                             /* `on` without waiting for the durable record */
#endif
    in_F = seen_failing;
    in_R = nfull(outbox);
    if
    :: sense_flaky -> if :: in_sense = UNREADABLE :: in_sense = (hw_te != (phase == ON) -> DISAGREE : AGREE) fi
    :: else -> in_sense = (hw_te != (phase == ON) -> DISAGREE : AGREE)
    fi;
#ifdef MUT_SKIP_SENSE
    in_sense = AGREE;                     /* the sense input never read */
#endif
    choose_write_outcome()
  };
  interlock_step()
}

/* TransmitInterlock.forceOff(atNanoseconds:utc:unmet:) */
inline interlock_force_off() {
  atomic {
    in_call = FORCEOFF;
    in_phase = phase;
    in_line = line;
    in_R = nfull(outbox);
    choose_write_outcome()
  };
  interlock_step()
}

/* PowerAmplifierSupply.update(wanted:fault:), errors ignored as TerminalCore does. */
inline pa_update(want, flt) {
  atomic {
    pa_target = ((want) && !(flt));
    if
    :: pa_target != pa_powered ->
       if
       :: pa_flaky -> if :: pa_write_ok = 1 :: pa_write_ok = 0; g_pa_write_failed = 1 fi
       :: else -> pa_write_ok = 1
       fi;
       if
       :: pa_target ->
          if
          :: pa_write_ok -> hw_pa = 1; pa_powered = 1
          :: else -> skip
          fi
       :: else ->
          pa_powered = 0;
#ifndef MUT_PA_OFF_IGNORED
          if
          :: pa_write_ok -> hw_pa = 0
          :: else -> skip
          fi
#endif
       fi
    :: else -> skip
    fi
  }
}

/* The properties that hold at the end of every tick. */
inline end_of_tick_checks() {
  atomic {
    printf("MSC: tick: conds=%d stow=%d -> phase=%d line=%d te=%d pa=%d (hand-off C=%d; faults: stuck=%d te_flaky=%d pa_flaky=%d sense_flaky=%d)\n",
      conds, stow_req, phase, line, hw_te, hw_pa, unseen == 0, te_stuck, te_flaky, pa_flaky, sense_flaky);
    /* invariant 1: commanded on only in a tick whose conditions all hold */
    assert(phase != ON || conds);
    /* invariant 1 on the wire: active with a condition false only if the line is faulty */
    assert(!(hw_te && !conds) || te_stuck || te_flaky);
    /* invariant 3, with the PA supply as second barrier: emission ends in the tick a
     * condition fails; with a stuck line, once the sense input has latched the fault */
    if
    :: hw_te && hw_pa && !conds -> g_unsafe++
    :: else -> g_unsafe = 0
    fi;
    assert(g_unsafe == 0 || (te_stuck && g_unsafe <= SENSE_TICKS));
    /* the hand-off's promise: at most two transmit records outstanding */
    assert(g_tx_outstanding <= 2);
#ifdef CHECK_PA_FOLLOWS
    /* a question: does the PA's power follow its command once writes succeed again? */
    assert(hw_pa == pa_powered || g_pa_write_failed);
#endif
    g_pa_write_failed = 0;
    pa_target = 0; pa_write_ok = 0; pa_want = 0; pa_fault = 0;
#ifdef LIVENESS
    if
    :: settled && g_settled_ticks < 255 -> g_settled_ticks++
    :: else -> skip
    fi;
    /* bounded progress: with a writer that keeps up, on by the end of tick LIVE_TICKS,
     * counting the tick in which the world settled */
    assert(g_settled_ticks < LIVE_TICKS || phase == ON)
#endif
  }
}

inline inject_faults() {
#ifndef NO_HWFAULT
  if
  :: hw_faults < MAXFAULTS && !te_stuck -> te_stuck = 1; hw_faults++
  :: hw_faults < MAXFAULTS && !te_flaky -> te_flaky = 1; hw_faults++
  :: hw_faults < MAXFAULTS && !pa_flaky -> pa_flaky = 1; hw_faults++
  :: hw_faults < MAXFAULTS && !sense_flaky -> sense_flaky = 1; hw_faults++
  :: skip
  fi
#else
  skip
#endif
}

/* One tick of TerminalCore: the world moves, then stow, or conditions → interlock → PA.
 * Two steps, split where the tick's two try-locks of the audit hand-off are (update's
 * refresh, submit's refresh): the tick's private work between them cannot interleave with
 * anything that matters. */
inline one_tick() {
#ifdef LIVENESS
  /* a writer that keeps up: the tick starts once the writer is idle */
  (!settled || (!w_busy && empty(queue)));
#endif
  atomic {
#ifdef LIVENESS
    if
    :: !settled && !stop_req -> settled = 1; stow_req = 0
    :: skip
    fi;
    if
    :: settled -> conds = 1
    :: else -> if :: conds = 1 :: conds = 0 fi
    fi;
#else
    if :: conds = 1 :: conds = 0 fi;
#endif
    if
    :: line == LFAULT -> conds = 0      /* no_hardware_fault includes the latched line fault */
    :: else -> skip
    fi;
    inject_faults();
    if
#ifndef NO_STOW
    :: !settled && !stow_req && stows < MAXSTOWS -> stow_req = 1; stows++   /* POST /stow */
    :: !settled && stow_req && !stop_req -> stow_req = 0      /* POST /unstow */
#endif
#ifndef NO_STOP
    :: !settled && !stop_req && lives == 1 -> stop_req = 1; stow_req = 1   /* SIGTERM */
#endif
    :: skip
    fi;
    if
    :: stow_req -> interlock_force_off()
    :: else ->
       /* PolicyHandoff.takeIfPresent(): a try-lock */
       if
       :: plk == 0 -> policy_pending = 0
#ifndef MUT_BLOCKING_POLICY
       :: else -> skip
#endif
       fi;
       interlock_update()
    fi
  };
  atomic {
    if
    :: submitted -> refresh(); submitted = 0
    :: else -> skip
    fi;
    if
    :: stow_req -> pa_update(0, 1)
    :: else ->
       /* wanted = steered && !forbidden, fault = a fault input in fault: wanted and no fault
        * when every condition holds; otherwise either way (only wanted && !fault matters) */
       if
       :: conds -> pa_want = 1
       :: else -> if :: pa_want = 1 :: pa_want = 0 fi
       fi;
       pa_update(pa_want, line == LFAULT)
    fi;
    end_of_tick_checks()
  }
}

active proctype Tick() {
  bit submitted;
restart:
  {
    do
    :: stop_req -> break               /* the loop stops (after the stow, or its 2 s wait) */
    :: true ->
       one_tick();
progress_tick:
       skip
    od;
    /* DaemonRunner.shutdown, on its own thread once the loop has ended: stow once more,
     * stop the services (the audit writer last), release the lines to their safe states. */
    atomic { interlock_force_off() };
    atomic {
      if
      :: submitted -> refresh(); submitted = 0
      :: else -> skip
      fi;
      pa_update(0, 1);
      pa_target = 0; pa_write_ok = 0;
      w_stop = 1
    };
    if
    :: w_done -> skip
    :: w_stalled || shared_failing -> skip   /* AuditWriter.stop() times out */
    fi;
    atomic {
      if
      :: !te_stuck -> hw_te = 0
      :: else -> skip
      fi;
      if
      :: pa_flaky -> if :: hw_pa = 0 :: skip fi
      :: else -> hw_pa = 0
      fi;
      g_stopped = 1;
      printf("MSC: stopped: writer done=%d, records not durable=%d, log ends on=%d\n", w_done, g_outstanding, file_on);
      /* a clean stop with a writer that kept up leaves every record durable, and the log
       * not ending in an `on` */
      assert(!w_done || shared_failing || dropped || g_outstanding == 0);
      assert(!w_done || shared_failing || dropped || !file_on)
    };
#ifdef NP
progress_stopped:                 /* stopped for good: not a cycle without progress */
    false
#endif
  } unless { crashed };
  tick_parked = 1;
  (!crashed);
  tick_parked = 0;
  goto restart
}

/* A record made durable: what the file now says. */
inline durable(r) {
  if
  :: KIND(r) == R_ON ->
     file_on = 1;
     file_suspect = 0;
     if
     :: GEN(r) == pend_gen -> g_on_durable = 1
     :: else -> skip
     fi
  :: KIND(r) == R_OFF || KIND(r) == R_WDR -> file_on = 0
  :: else -> file_suspect = 1
  fi
}

/* AuditHandoff.markDurable(_:): lock, publish, unlock (a stall inside the lock is covered
 * by the one in takeQueued) */
#define PUBLISH \
  atomic { \
    lk == 0 -> \
    printf("MSC: writer: published durable\n"); \
    durable_news++; \
    shared_failing = 0; \
    if \
    :: KIND(r) == R_ON -> shared_on_gen = GEN(r) \
    :: else -> skip \
    fi \
  }

/* The writer thread may stall (descheduled, a disk that never answers); `n` names the spot. */
#ifndef NO_STALL
#define STALL(n) if :: printf("MSC: writer stalls\n"); w_stalled = 1; end_stalled_##n: false :: skip fi
#else
#define STALL(n) skip
#endif

/* AuditWriter.drain: take the queued records (under the lock), append each in order:
 * write, fsync, publish durable; a failure publishes `failing` and leaves the record first
 * in line; the thread may stall anywhere, even holding the lock. */
inline drain() {
  atomic { lk == 0 -> lk = 1; w_busy = 1 };
  STALL(in_lock);
  atomic {
    do
    :: nempty(queue) -> queue?r; assert(nfull(pending)); pending!r
    :: empty(queue) -> break
    od;
    r = 0;
    lk = 0
  };
  do
  :: atomic { empty(pending) -> w_busy = 0; break }
  :: atomic { nempty(pending) -> pending?<r>; cache = r };   /* write(2): in the page cache */
     STALL(in_fsync);
     if
     :: true ->                            /* fsync(2) returned */
#ifdef MUT_PUBLISH_BEFORE_FSYNC
        PUBLISH;
#endif
        atomic {
          printf("MSC: writer: record %d (kind %d) durable\n", r, KIND(r));
          durable(r);
          cache = R_NONE;
          g_outstanding--;
          if
          :: IS_TX(KIND(r)) -> g_tx_outstanding--
          :: else -> skip
          fi
        };
#ifndef MUT_PUBLISH_BEFORE_FSYNC
        PUBLISH;
#endif
        atomic { pending?r; r = 0 }
#if !defined(LIVENESS)
     :: w_fails < MAXWFAILS ->             /* write or fsync failed */
        atomic { lk == 0 -> printf("MSC: writer: append failed\n"); shared_failing = 1; w_fails++; r = 0 };
        break
#else
     :: !settled ->                        /* failures only before the world settles */
        atomic { lk == 0 -> shared_failing = 1; r = 0 };
        break
#endif
     fi
  od
}

active proctype Writer() {
  byte r;
  bit final;
restart:
  {
    do
    :: w_stop || nempty(queue) || nempty(pending) ->
       final = w_stop;                    /* AuditWriter.stop(): one last drain, then end */
       drain();
       if
       :: final ->
          w_done = 1;
end_done:
          false
       :: else -> skip
       fi
    od
  } unless { crashed };
  writer_parked = 1;
  (!crashed);
  writer_parked = 0;
  goto restart
}

/* The daemon deposits a verified policy (PolicyHandoff.deposit): a blocking lock, held for a
 * copy; it may be descheduled while holding it. */
#ifndef NO_POLICY
active proctype Policy() {
restart:
  {
    do
    :: !policy_pending ->
       atomic { plk == 0 -> plk = 1 };
#ifndef NO_STALL
       if
       :: true ->
          printf("MSC: the daemon stalls holding the policy hand-off's lock\n");
end_pstalled:
          false
       :: skip
       fi;
#endif
       atomic { policy_pending = 1; plk = 0 }
    od
  } unless { crashed };
  policy_parked = 1;
  (!crashed);
  policy_parked = 0;
  goto restart
}
#else
init { policy_parked = 1 }
#endif

#ifndef NO_CRASH
/* A kill at any point (power loss, SIGKILL, a crash), then a restart: the written and not
 * fsync'ed record survives whole or not at all (a torn tail is dropped by the scan),
 * the lines fall to their safe states, everything in memory is gone. */
active proctype Crash() {
  byte r;
end_waiting:
  atomic {
    lives < MAXLIVES && !g_stopped && !crashed ->
    crashed = 1;
    printf("MSC: crash: phase=%d te=%d, log: on=%d suspect=%d, unsynced record %d\n", phase, hw_te, file_on, file_suspect, cache);
    if
    :: cache != R_NONE -> r = cache; durable(r)
    :: skip
    fi;
    cache = R_NONE;
    /* invariant 2: the log read at restart is never less permissive than the hardware was
     * (transmit on, or a line that failed while on, shows as such) */
    assert(!(phase == ON || (hw_te && !te_stuck)) || file_on || file_suspect);
#ifdef CHECK_LOG_NOT_MORE_PERMISSIVE
    /* a question: is the log never more permissive than the hardware? */
    assert(!file_on || phase == ON || hw_te);
#endif
  };
  (tick_parked && writer_parked && policy_parked);
  atomic {
    if
    :: !te_stuck -> hw_te = 0
    :: else -> skip
    fi;
    hw_pa = 0; pa_powered = 0;
    phase = OFF; line = M0; pend_gen = 0;
    do :: nempty(outbox) -> outbox?r :: empty(outbox) -> break od;
    do :: nempty(queue) -> queue?r :: empty(queue) -> break od;
    do :: nempty(pending) -> pending?r :: empty(pending) -> break od;
    lk = 0; unseen = 0; seen_on_gen = 0; seen_failing = 0; durable_news = 0;
    shared_on_gen = 0; shared_failing = 0; dropped = 0;
    w_stop = 0; w_done = 0; w_stalled = 0; w_busy = 0;
    plk = 0; policy_pending = 0;
    stow_req = 0; stop_req = 0; stows = 0; w_fails = 0;
    g_on_durable = 0; g_outstanding = 0; g_tx_outstanding = 0; g_unsafe = 0;
    r = 0;
    lives++;
    printf("MSC: restart: log scanned: on=%d suspect=%d\n", file_on, file_suspect);
    crashed = 0
  }
}
#endif

#ifdef LIVENESS
/* progress: once every condition holds and the writer keeps up, transmit comes on and stays */
ltl live { [] (settled -> <> [] (phase == ON)) }
#endif
