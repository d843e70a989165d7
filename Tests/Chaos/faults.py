"""The faults: SIGKILL of the leading replica (restarted afterwards) and a restart of PostgreSQL, at set times of the
load; what each did to the fleet is kept in a `FaultRecord`, and `recovery()` later reads from the status events how
long each kafka worker took to move a kafka again."""
import http.client
import threading
import time
from dataclasses import dataclass, field

from processes import wait_for

KAFKA_WORKERS = {  # worker -> (the statuses it picks kafkas up in, the status it moves them to)
    "accepted_kafka": ({"accepted"}, "preparing"),
    "preparing_kafka": ({"preparing"}, "provisioning"),
    "provisioning_kafka": ({"provisioning"}, "ready"),
    "deleting_kafka": ({"deleting", "deprovision"}, "deleted"),
}


@dataclass
class FaultRecord:
    """One fault: when it began and ended (wall-clock seconds), what it hit, and what was seen right after."""
    kind: str
    began: float
    ended: float = 0.0
    replica: int | None = None
    led: set = field(default_factory=set)
    takeover: dict = field(default_factory=dict)  # worker -> seconds until another replica led it
    serving_again: dict = field(default_factory=dict)  # replica -> seconds until it answered the API again
    restarted_after: float | None = None  # kills: seconds from the kill until the replica was healthy again
    violations: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.kind} (replica {self.replica})" if self.replica is not None else self.kind


class FaultInjector:
    """Runs `schedule` ([(seconds after the load began, "kill" | "db")]) against `fleet` in a thread."""

    def __init__(self, fleet, schedule: list[tuple[float, str]], admin_token: str, note, settle: float = 60):
        self.fleet = fleet
        self.schedule = sorted(schedule)
        self.token = admin_token
        self.note = note
        self.settle = settle  # how long a fault's after-effects are watched
        self.records: list[FaultRecord] = []
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="faults", daemon=True)

    def start(self, load_began: float) -> None:
        self.load_began = load_began
        self.thread.start()

    def _run(self) -> None:
        try:
            for offset, kind in self.schedule:
                self.stop.wait(max(0.0, self.load_began + offset - time.monotonic()))
                if self.stop.is_set():
                    return
                record = self._kill_leader() if kind == "kill" else self._restart_database()
                self.records.append(record)
        except Exception as error:  # reported as a violation: the harness could not inject the fault
            self.errors.append(f"fault injection failed: {error!r}")
            self.note(f"fault injection failed: {error!r}")

    # MARK: leader kill

    def _kill_leader(self) -> FaultRecord:
        replicas = self.fleet.replicas

        def leader():
            led = {r.index: r.led_workers() & set(KAFKA_WORKERS) for r in replicas if r.child.running()}
            best = max(led, key=lambda index: len(led[index]), default=None)
            return (best, led[best]) if best is not None and led[best] else None

        index, led = wait_for(leader, 60, "a replica leading a kafka worker", interval=0.2)
        victim = replicas[index]
        record = FaultRecord("leader kill", began=time.time(), replica=index, led=set(led))
        self.fleet.kill_replica(victim)
        record.ended = time.time()
        self.note(f"SIGKILL replica {index}, which led {', '.join(sorted(led))}")

        others = [r for r in replicas if r is not victim]
        deadline = time.monotonic() + self.settle
        waiting = set(led)
        while waiting and time.monotonic() < deadline and not self.stop.is_set():
            now_led = set().union(*(r.led_workers() for r in others))
            for worker in waiting & now_led:
                record.takeover[worker] = time.time() - record.began
            waiting -= now_led
            time.sleep(0.1)
        for worker in sorted(waiting):
            record.violations.append(f"after the kill of replica {index}, no other replica led {worker}"
                                     f" within {self.settle:.0f} s")
        self.note("taken over: " + (", ".join(f"{w} after {s:.1f} s" for w, s in sorted(record.takeover.items())) or "nothing"))

        self.fleet.restart_replica(victim)
        try:
            wait_for(victim.healthy, 120, f"replica {index} to be healthy after its restart", interval=0.2)
            record.restarted_after = time.time() - record.began
            self.note(f"replica {index} restarted, healthy {record.restarted_after:.1f} s after its kill")
        except TimeoutError as error:
            record.violations.append(f"replica {index} did not come back after its restart: {error}")
        return record

    # MARK: PostgreSQL restart

    def _restart_database(self) -> FaultRecord:
        record = FaultRecord("PostgreSQL restart", began=time.time())
        self.note("restarting PostgreSQL")
        self.fleet.restart_postgres()
        record.ended = time.time()
        self.note(f"PostgreSQL back after {record.ended - record.began:.1f} s")
        deadline = time.monotonic() + self.settle
        waiting = {r.index: r for r in self.fleet.replicas}
        while waiting and time.monotonic() < deadline and not self.stop.is_set():
            for index, replica in list(waiting.items()):
                if replica.child.running() and self._serves(replica):
                    record.serving_again[index] = time.time() - record.ended
                    del waiting[index]
            time.sleep(0.2)
        for index in sorted(waiting):
            record.violations.append(f"replica {index} did not answer GET /kafkas with 200 within {self.settle:.0f} s"
                                     f" after PostgreSQL came back (crashed or wedged)")
        self.note("serving again: " + (", ".join(f"replica {i} after {s:.1f} s" for i, s in sorted(record.serving_again.items())) or "none"))
        return record

    def _serves(self, replica) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", replica.port, timeout=3)
        try:
            connection.request("GET", "/api/kafkas_mgmt/v1/kafkas?size=1", headers={"Authorization": f"Bearer {self.token}"})
            response = connection.getresponse()
            response.read()
            return response.status == 200
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()


def recovery(record: FaultRecord, events: dict[str, list[dict]]) -> dict[str, float | None]:
    """Per kafka worker in the fault's scope with work waiting when the fault ended: seconds from then until it first
    moved a kafka (None when it never did). A kill's scope is the workers the killed replica led; a database
    restart's is every kafka worker."""
    origin = record.ended
    scope = record.led if record.kind == "leader kill" else set(KAFKA_WORKERS)
    waiting: set[str] = set()
    first_move: dict[str, float] = {}
    for kafka_events in events.values():
        status_at_origin = None
        reached_agent = False  # a deprovision kafka that reached its agent waits for the agent, not the deleting worker
        for event in kafka_events:
            at = float(event["at"])
            if at <= origin:
                status_at_origin = event["to_status"]
                reached_agent = reached_agent or event["to_status"] == "provisioning"
                continue
            for worker, (_, target) in KAFKA_WORKERS.items():
                if event["to_status"] == target and event["from_status"] != "" and at < first_move.get(worker, float("inf")):
                    first_move[worker] = at
        for worker, (sources, _) in KAFKA_WORKERS.items():
            if status_at_origin in sources and not (status_at_origin == "deprovision" and reached_agent):
                waiting.add(worker)
    return {worker: (first_move[worker] - origin if worker in first_move else None)
            for worker in sorted(scope & waiting)}
