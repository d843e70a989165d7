"""The chaos run: a fleet of three replicas under a create/delete load while the leading replica is killed and
PostgreSQL restarted; then a drain and the checks. Exits 0 when every check held, 1 when any was violated (each
listed with its evidence), 2 when the harness itself could not run.

    python3 chaos.py --size small|full --bin-dir DIR [--moto-server PATH] [--keep]
"""
import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time

import checks
from faults import FaultInjector, recovery
from fleet import Fleet, FleetSettings
from load import LoadGenerator, LoadPlan

# The two sizes: the full run of `make chaos` and the small one CI runs (`make chaos/small`).
SIZES = {
    "full": {"kafkas": 1000, "rate": 5.0, "clusters": 5, "faults": [(0.2, "kill"), (0.5, "db"), (0.8, "kill")],
             "drain": 120},
    "small": {"kafkas": 100, "rate": 1.5, "clusters": 3, "faults": [(0.25, "kill"), (0.7, "db")], "drain": 60},
}
ORGANISATION_PREFIX = "chaos-org-"


def main() -> int:
    arguments = parse_arguments()
    started = time.monotonic()
    size = SIZES[arguments.size]
    kafkas = arguments.kafkas or size["kafkas"]
    rate = arguments.rate or size["rate"]
    create_phase = kafkas / rate
    schedule = [(fraction * create_phase, kind) for fraction, kind in size["faults"]]
    work_dir = tempfile.mkdtemp(prefix="kafkafleet-chaos-")
    log(f"{arguments.size} run: {kafkas} kafkas at {rate}/s over {create_phase:.0f} s, {size['clusters']} clusters, faults "
        + ", ".join(f"{'leader kill' if kind == 'kill' else 'PostgreSQL restart'} at {offset:.0f} s" for offset, kind in schedule)
        + f"; work dir {work_dir}")
    fleet = Fleet(FleetSettings(repo_root=arguments.repo_root, bin_dir=arguments.bin_dir, moto_server=arguments.moto_server,
                                work_dir=work_dir, clusters=size["clusters"]), note=log)
    signal.signal(signal.SIGTERM, _interrupt)
    passed = False
    try:
        fleet.start()
        passed = run(fleet, kafkas, rate, schedule, size["drain"], arguments.recovery_bound, arguments.seed)
        return 0 if passed else 1
    except KeyboardInterrupt:
        log("interrupted")
        return 2
    except Exception as error:
        log(f"FAILED to run: {error!r}")
        return 2
    finally:
        fleet.stop()
        if passed and not arguments.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
        else:
            shutil.rmtree(os.path.join(work_dir, "pg"), ignore_errors=True)
            log(f"logs kept in {work_dir}/logs")
        log(f"total time {time.monotonic() - started:.0f} s")


def run(fleet: Fleet, kafkas: int, rate: float, schedule, drain_deadline: float, recovery_bound: float, seed: int) -> bool:
    plan = LoadPlan(kafkas=kafkas, rate=rate)
    tokens = {(f"{ORGANISATION_PREFIX}{o}", f"user-{o}-{u}"): None
              for o in range(plan.organisations) for u in range(plan.users_per_organisation)}
    tokens = {key: fleet.token(*key) for key in tokens}
    observer_token = fleet.token("chaos-observer", "observer")
    load = LoadGenerator([r.url for r in fleet.replicas], tokens, plan, seed)
    faults = FaultInjector(fleet, schedule, observer_token, note=log)
    stop = threading.Event()
    threading.Thread(target=_watch, args=(fleet, load, stop), daemon=True).start()

    log("load begins")
    load_began = time.monotonic()
    load.started_at = load_began
    faults.start(load_began)
    try:
        outcome = load.run()
        load_ended = time.monotonic()
        log(f"load done in {load_ended - load_began:.0f} s: {load.progress()}")
        faults.thread.join(timeout=max(0.0, 300 - (load_ended - load_began)))
        if faults.thread.is_alive():
            faults.stop.set()
            faults.thread.join(timeout=30)
            faults.errors.append("the faults were still running 300 s after the load began")
        drain_began = time.monotonic()
        drained = drain(fleet, outcome, drain_deadline)
        drain_time = time.monotonic() - drain_began
    finally:
        stop.set()
        load.stop.set()
        faults.stop.set()

    kafka_rows = fleet.db.kafkas(ORGANISATION_PREFIX)
    events = fleet.db.kafka_events()
    clusters = fleet.db.clusters()

    def when(wall: float) -> str:
        return f"t+{wall - load.started_wall:.1f}s"

    counts: dict = {}
    violations: dict[str, list[str]] = {
        "requests": outcome.violations,
        "accepted requests have rows": checks.accepted_rows(outcome, kafka_rows, counts),
        "final states (ready or deleted, none stuck)": checks.final_states(outcome, kafka_rows, events, when, counts),
        "status events gapless and legal": checks.status_history(kafka_rows, events, counts),
        "DNS records created once, deleted once": checks.dns_records(
            kafka_rows, events, fleet.route53.ledger, fleet.route53.zone_names(fleet.zone_id), when, counts),
        "identity clients created once, deleted once": checks.identity_clients(
            kafka_rows, events, clusters, fleet.keycloak.ledger, when, counts),
        "leadership": checks.leadership(fleet.replicas, counts),
        "processes": list(fleet.unexpected_exits) + faults.errors,
        "faults": [],
    }

    log("")
    log("figures:")
    for record in faults.records:
        violations["faults"] += record.violations
        moved = recovery(record, events)
        slowest = max((s for s in moved.values() if s is not None), default=None)
        details = ", ".join(f"{w} {'never' if s is None else f'{s:.1f} s'}" for w, s in moved.items()) or "no worker had work waiting"
        log(f"  {record.label} at {when(record.began)}: fault lasted {record.ended - record.began:.1f} s; first kafka moved again by each worker"
            f" after {details}" + (f"; recovered in {slowest:.1f} s" if slowest is not None else ""))
        if record.takeover:
            log("    leadership taken over: " + ", ".join(f"{w} {s:.1f} s" for w, s in sorted(record.takeover.items())))
        if record.restarted_after is not None:
            log(f"    killed replica healthy again {record.restarted_after:.1f} s after the kill")
        if record.serving_again:
            log("    replicas answering GET /kafkas again after: "
                + ", ".join(f"{i}: {s:.1f} s" for i, s in sorted(record.serving_again.items())))
        for worker, seconds in moved.items():
            if seconds is None or seconds > recovery_bound:
                violations["faults"].append(
                    f"after the {record.label}, {worker} moved no kafka for "
                    f"{'the rest of the run' if seconds is None else f'{seconds:.1f} s'} although kafkas were waiting"
                    f" (bound {recovery_bound:.0f} s)")
    log(f"  load: {load_ended - load_began:.0f} s; longest time without a 202: {_longest_gap(outcome.accepted_times):.1f} s")
    log("  answers: " + ", ".join(f"{op} {status}: {n}" for (op, status), n in sorted(outcome.answers.items(), key=str)))
    log(f"  drain: {'done' if drained else 'NOT done'} in {drain_time:.1f} s (deadline {drain_deadline:.0f} s)")
    if not drained:
        violations["final states (ready or deleted, none stuck)"].insert(0, f"the fleet did not drain within {drain_deadline:.0f} s")
    for name, value in counts.items():
        log(f"  {name}: {value}")

    total = sum(len(v) for v in violations.values())
    log("")
    if total == 0:
        log(f"PASSED ({len(kafka_rows)} kafkas, {len(faults.records)} faults, every check held)")
        return True
    log(f"FAILED with {total} violations (times are seconds since the load began)")
    for check, found in violations.items():
        if found:
            kafkas_involved = {match for violation in found for match in re.findall(r"kafka ([0-9a-v]{20})\b", violation)}
            log(f"  {check}: {len(found)}" + (f" ({len(kafkas_involved)} kafkas)" if kafkas_involved else ""))
            for violation in found[:25]:
                log(f"    - {violation}")
            if len(found) > 25:
                log(f"    … and {len(found) - 25} more")
    return False


def drain(fleet: Fleet, outcome, deadline: float) -> bool:
    """Waits until every kafka of the run is ready or deleted as asked, or `deadline` seconds pass."""
    end = time.monotonic() + deadline
    last_note = 0.0
    while time.monotonic() < end:
        try:
            rows = fleet.db.kafkas(ORGANISATION_PREFIX)
        except RuntimeError as error:
            log(f"drain: {error}")
            time.sleep(1)
            continue
        pending = [r for r in rows.values()
                   if r["deleted"] != "t" and (r["id"] in outcome.deletes or r["status"] != "ready")]
        if not pending:
            return True
        if time.monotonic() - last_note > 10:
            by_status: dict[str, int] = {}
            for row in pending:
                by_status[row["status"]] = by_status.get(row["status"], 0) + 1
            log(f"drain: {len(pending)} kafkas pending ({', '.join(f'{s} {n}' for s, n in sorted(by_status.items()))})")
            last_note = time.monotonic()
        time.sleep(1)
    return False


def _watch(fleet: Fleet, load: LoadGenerator, stop: threading.Event) -> None:
    """Restarts crashed children (noting each crash) and prints progress every 10 s."""
    last = time.monotonic()
    while not stop.wait(0.5):
        fleet.watch_children()
        if time.monotonic() - last >= 10:
            last = time.monotonic()
            try:
                statuses = fleet.db.statuses(ORGANISATION_PREFIX)
                summary = ", ".join(f"{s} {n}" for s, n in sorted(statuses.items()))
            except Exception as error:  # the database may be restarting
                summary = f"database unreadable: {str(error)[:80]}"
            log(f"{load.progress()}; {summary}")


def _longest_gap(times: list[float]) -> float:
    ordered = sorted(times)
    return max((b - a for a, b in zip(ordered, ordered[1:])), default=0.0)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def log(message: str) -> None:
    print(f"chaos: {message}" if message else "", flush=True)


def parse_arguments():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--bin-dir", required=True, help="where kafkafleetd and kafkafleetctl are")
    parser.add_argument("--moto-server", default=os.environ.get("KAFKAFLEET_MOTO_SERVER") or shutil.which("moto_server"))
    parser.add_argument("--repo-root", default=os.path.dirname(os.path.dirname(here)))
    parser.add_argument("--kafkas", type=int, help="override the size's number of kafkas")
    parser.add_argument("--rate", type=float, help="override the size's creates per second")
    parser.add_argument("--recovery-bound", type=float, default=10.0,
                        help="seconds within which each worker must move a kafka again after a fault (default 10:"
                             " the 3 s lease, two 1 s renewals and 5 s of slack)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", action="store_true", help="keep the logs even when the run passes")
    arguments = parser.parse_args()
    if not arguments.moto_server:
        parser.error("moto_server not found: set KAFKAFLEET_MOTO_SERVER or pass --moto-server")
    return arguments


if __name__ == "__main__":
    sys.exit(main())
