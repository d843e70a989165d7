"""The load: creates kafkas at a steady rate across organisations through the replicas in turn, and deletes a share
of them at various points of their lives. Every 202 is recorded; a request whose outcome is unknown (the replica
died or answered 5xx) is retried on the next replica, and a retried create that finds its name taken is resolved by
looking the kafka up by name."""
import collections
import heapq
import http.client
import json
import random
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

BASE = "/api/kafkas_mgmt/v1"


@dataclass
class LoadPlan:
    """How much load, how fast, and how much of it is deleted."""
    kafkas: int
    organisations: int = 4
    users_per_organisation: int = 2
    delete_fraction: float = 0.6
    rate: float = 5.0  # creates per second
    concurrency: int = 8
    request_deadline: float = 90.0  # seconds one create or delete may keep being retried


@dataclass
class Outcome:
    """What the load generator saw."""
    created: dict = field(default_factory=dict)  # id -> {"name", "organisation", "user", "at", "replica"} (202 answers)
    recovered: dict = field(default_factory=dict)  # id -> same, for creates whose 202 was lost but the row found by name
    unknown_names: set = field(default_factory=set)  # (organisation, name) of creates with an attempt of unknown outcome
    deletes: dict = field(default_factory=dict)  # id -> {"at", "replica"} of the DELETE's 202
    # id -> attempts [(at, replica, status)] of a DELETE answered 404 after an attempt of unknown outcome: deleted if that
    # attempt was applied, else the 404 was wrong
    deletes_answered_404: dict = field(default_factory=dict)
    answers: collections.Counter = field(default_factory=collections.Counter)  # (operation, status) -> count
    violations: list = field(default_factory=list)
    accepted_times: list = field(default_factory=list)  # monotonic time of every 202


class LoadGenerator:
    """Runs a `LoadPlan` against the replicas at `urls` with one token per (organisation, user)."""

    def __init__(self, urls: list[str], tokens: dict[tuple[str, str], str], plan: LoadPlan, seed: int):
        self.urls = urls
        self.tokens = tokens
        self.users = sorted(tokens)
        self.plan = plan
        self.random = random.Random(seed)
        self.outcome = Outcome()
        self.lock = threading.Lock()
        self._next_create = 0
        self._next_replica = 0
        self._deletes: list[tuple[float, str]] = []
        self._deletes_ready = threading.Condition(self.lock)
        self._creates_done = False
        self.started_at = 0.0
        self.create_phase_ended_at = 0.0
        self.stop = threading.Event()

    # MARK: running

    def run(self) -> Outcome:
        """Creates every kafka of the plan and carries out every scheduled delete; returns what happened."""
        self.started_at = time.monotonic()
        self.started_wall = time.time()
        creators = [threading.Thread(target=self._creator, name=f"create-{i}", daemon=True) for i in range(self.plan.concurrency)]
        deleters = [threading.Thread(target=self._deleter, name=f"delete-{i}", daemon=True)
                    for i in range(max(2, self.plan.concurrency // 2))]
        for thread in creators + deleters:
            thread.start()
        for thread in creators:
            thread.join()
        self.create_phase_ended_at = time.monotonic()
        with self.lock:
            self._creates_done = True
            self._deletes_ready.notify_all()
        for thread in deleters:
            thread.join()
        return self.outcome

    def progress(self) -> str:
        with self.lock:
            return (f"{len(self.outcome.created) + len(self.outcome.recovered)}/{self.plan.kafkas} created,"
                    f" {len(self.outcome.deletes)} deletes accepted, {len(self._deletes)} deletes pending")

    def _creator(self) -> None:
        connections: dict[int, http.client.HTTPConnection] = {}
        while not self.stop.is_set():
            with self.lock:
                index = self._next_create
                if index >= self.plan.kafkas:
                    return
                self._next_create += 1
            due = self.started_at + index / self.plan.rate
            self.stop.wait(max(0.0, due - time.monotonic()))
            self._create(index, connections)

    def _deleter(self) -> None:
        connections: dict[int, http.client.HTTPConnection] = {}
        while not self.stop.is_set():
            with self.lock:
                while True:
                    if self._deletes and self._deletes[0][0] <= time.monotonic():
                        _, kafka_id = heapq.heappop(self._deletes)
                        break
                    if self._creates_done and not self._deletes:
                        return
                    wait = self._deletes[0][0] - time.monotonic() if self._deletes else 0.5
                    self._deletes_ready.wait(timeout=max(0.01, min(wait, 0.5)))
            self._delete(kafka_id, connections)

    # MARK: one create, one delete

    def _create(self, index: int, connections: dict) -> None:
        organisation, user = self.users[index % len(self.users)]
        token = self.tokens[(organisation, user)]
        name = f"chaos-{index:05d}"
        body = json.dumps({"name": name}).encode()
        unknown = False
        deadline = time.monotonic() + self.plan.request_deadline
        while not self.stop.is_set():
            replica, status, answer = self._call(connections, "POST", f"{BASE}/kafkas?async=true", token, body)
            self._count("create", status)
            if status == 202:
                self._accepted(json.loads(answer)["id"], name, organisation, user, replica, self.outcome.created)
                return
            if status == 409 and unknown:
                found = self._find(connections, token, name)
                if found:
                    self._accepted(found, name, organisation, user, replica, self.outcome.recovered)
                    return
            if status is None or status >= 500:
                unknown = True
                with self.lock:
                    self.outcome.unknown_names.add((organisation, name))
                if status == 500:
                    self._violation(f"POST /kafkas ({name}) answered 500 at {self.at()} by replica {replica}: {answer[:300]!r}")
            elif status != 409 or not unknown:
                self._violation(f"POST /kafkas ({name}) was refused with {status} at {self.at()} by replica {replica}:"
                                f" {answer[:300]!r}")
                return
            if time.monotonic() >= deadline:
                self._violation(f"POST /kafkas ({name}) not accepted within {self.plan.request_deadline:.0f} s"
                                f" (last answer {status})")
                return
            time.sleep(0.2)

    def _accepted(self, kafka_id: str, name: str, organisation: str, user: str, replica: int, into: dict) -> None:
        now = time.monotonic()
        with self.lock:
            into[kafka_id] = {"name": name, "organisation": organisation, "user": user, "at": now, "replica": replica}
            self.outcome.accepted_times.append(now)
            if self.random.random() < self.plan.delete_fraction:
                heapq.heappush(self._deletes, (now + self._delete_delay(), kafka_id))
                self._deletes_ready.notify()

    def _delete_delay(self) -> float:
        """When to delete: at once (accepted or preparing), mid-way, or once it is likely ready."""
        kind = self.random.random()
        if kind < 0.3:
            return self.random.uniform(0, 0.5)
        if kind < 0.6:
            return self.random.uniform(0.5, 3)
        return self.random.uniform(4, 20)

    def _delete(self, kafka_id: str, connections: dict) -> None:
        with self.lock:
            record = self.outcome.created.get(kafka_id) or self.outcome.recovered[kafka_id]
        token = self.tokens[(record["organisation"], record["user"])]  # a user sees only the kafkas it owns
        unknown = False
        attempts = []
        deadline = time.monotonic() + self.plan.request_deadline
        while not self.stop.is_set():
            replica, status, answer = self._call(connections, "DELETE", f"{BASE}/kafkas/{kafka_id}?async=true", token, None)
            attempts.append((self.at(), replica, status if status is not None else "no answer"))
            self._count("delete", status)
            if status == 202:
                with self.lock:
                    self.outcome.deletes[kafka_id] = {"at": time.monotonic(), "wall": time.time(), "replica": replica}
                return
            if status == 404 and unknown:
                with self.lock:
                    self.outcome.deletes_answered_404[kafka_id] = attempts
                return
            if status is None or status >= 500:
                unknown = True
                if status == 500:
                    self._violation(f"DELETE /kafkas/{kafka_id} answered 500 at {self.at()} by replica {replica}: {answer[:300]!r}")
            else:
                self._violation(f"DELETE /kafkas/{kafka_id} of a kafka created at {self._when(record)} by replica"
                                f" {record['replica']} was refused with {status}; attempts (time, replica, answer): {attempts};"
                                f" answer {answer[:200]!r}")
                return
            if time.monotonic() >= deadline:
                self._violation(f"DELETE /kafkas/{kafka_id} not accepted within {self.plan.request_deadline:.0f} s"
                                f" (last answer {status})")
                return
            time.sleep(0.2)

    def _find(self, connections: dict, token: str, name: str) -> str | None:
        search = urllib.parse.quote(f"name = {name}")
        _, status, answer = self._call(connections, "GET", f"{BASE}/kafkas?search={search}", token, None)
        if status != 200:
            return None
        items = json.loads(answer).get("items") or []
        return items[0]["id"] if items else None

    # MARK: HTTP

    def _call(self, connections: dict, method: str, path: str, token: str, body: bytes | None):
        """(replica, status, body) of one request to the next replica in turn; status None when it could not be completed."""
        with self.lock:
            replica = self._next_replica
            self._next_replica = (self._next_replica + 1) % len(self.urls)
        connection = connections.get(replica)
        if connection is None:
            host, port = urllib.parse.urlsplit(self.urls[replica]).netloc.split(":")
            connection = connections[replica] = http.client.HTTPConnection(host, int(port), timeout=10)
        headers = {"Authorization": f"Bearer {token}"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return replica, response.status, response.read()
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connections.pop(replica, None)
            return replica, None, str(error).encode()

    def at(self) -> str:
        """Now, as seconds since the load began (the time base of every figure and violation)."""
        return f"t+{time.monotonic() - self.started_at:.1f}s"

    def _when(self, record: dict) -> str:
        return f"t+{record['at'] - self.started_at:.1f}s"

    def _count(self, operation: str, status) -> None:
        with self.lock:
            self.outcome.answers[(operation, status if status is not None else "no answer")] += 1

    def _violation(self, text: str) -> None:
        with self.lock:
            self.outcome.violations.append(text)
