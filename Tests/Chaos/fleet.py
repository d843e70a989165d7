"""The fleet under test: PostgreSQL, moto behind the Route53 ledger, the Keycloak stand-in, three kafkafleetd
replicas and one simulated agent per data-plane cluster (reaching the replicas through the balancer)."""
import os
import re
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass

from balancer import Balancer
from database import Database
from keycloak_standin import KeycloakStandIn
from processes import Child, ChildRegistry, free_port, wait_for
from route53_ledger import Route53Ledger

ZONE = "chaos.kafkafleet.test"
REALM = "rhoas"
KEYCLOAK_ADMIN = ("kafkafleet-chaos", "chaos-secret")
LEADER_GAUGE = re.compile(r'kas_fleet_manager_leader_worker\{worker_type="([^"]+)"\} (\S+)')


@dataclass
class FleetSettings:
    """Where the binaries are and how the fleet is shaped."""
    repo_root: str
    bin_dir: str
    moto_server: str
    work_dir: str
    clusters: int
    replicas: int = 3
    lease_duration: float = 3
    lease_renew_interval: float = 1
    agent_ready_after: float = 1
    agent_poll_interval: float = 1


def cluster_id(index: int) -> str:
    return f"chaoscluster{index:02d}"


def cluster_dns(index: int) -> str:
    return f"apps.chaos{index:02d}.example.com"


class Replica:
    """One kafkafleetd serve process and its three ports."""

    def __init__(self, index: int, args: list[str], log_path: str):
        self.index = index
        self.port, self.metrics_port, self.health_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.child = Child(f"replica-{index}", args + [
            "--bind", f"127.0.0.1:{self.port}", "--metrics-bind", f"127.0.0.1:{self.metrics_port}",
            "--health-bind", f"127.0.0.1:{self.health_port}"], log_path)

    def healthy(self) -> bool:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.health_port}/healthcheck", timeout=2) as answer:
            return answer.status == 200

    def led_workers(self) -> set[str]:
        """The workers this replica leads now, from its leader gauge (empty when it does not answer)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=2) as answer:
                text = answer.read().decode()
        except OSError:
            return set()
        return {worker for worker, value in LEADER_GAUGE.findall(text) if float(value) == 1}


class Fleet:
    """Starts, faults and stops the fleet; every process and server it starts is ended by `stop()`."""

    def __init__(self, settings: FleetSettings, note):
        self.settings = settings
        self.note = note  # note(message): progress line
        self.children = ChildRegistry()
        self.data_dir = os.path.join(settings.work_dir, "data")
        self.log_dir = os.path.join(settings.work_dir, "logs")
        self.pg_dir = os.path.join(settings.work_dir, "pg")
        self.postgres_started = False
        self.servers = []
        self.replicas: list[Replica] = []
        self.agents: list[Child] = []
        self.unexpected_exits: list[str] = []
        self._watch_lock = threading.Lock()

    # MARK: start

    def start(self) -> None:
        os.makedirs(self.data_dir)
        os.makedirs(self.log_dir)
        os.chmod(self.settings.work_dir, 0o755)  # the postgres user must reach pg/ when run as root
        port = free_port()
        self.database_url = self._postgres("start", self.pg_dir, str(port)).strip()
        self.postgres_started = True
        self.db = Database(self.database_url)
        self.ctl("migrate", "--database-url", self.database_url)
        self.note(f"PostgreSQL on port {port}, migrated")

        moto_port = free_port()
        moto = self.children.add(Child("moto", [self.settings.moto_server, "-H", "127.0.0.1", "-p", str(moto_port)],
                                       os.path.join(self.log_dir, "moto.log")))
        moto.start()
        self.route53 = Route53Ledger(free_port(), moto_port)
        self.servers.append(self.route53)
        wait_for(lambda: _get(f"http://127.0.0.1:{moto_port}/moto-api/data.json"), 60, "moto_server")
        self.route53.start()
        self.zone_id = self.route53.create_zone(ZONE)
        self.keycloak = KeycloakStandIn(free_port(), REALM, *KEYCLOAK_ADMIN).start()
        self.servers.append(self.keycloak)
        self.note(f"moto_server behind the Route53 ledger ({self.route53.url}, zone {self.zone_id}),"
                  f" Keycloak stand-in on {self.keycloak.url}")

        self.token("bootstrap", "bootstrap")  # creates the development key every process shares
        config = os.path.join(self.data_dir, "dataplane.yaml")
        with open(config, "w") as handle:
            handle.write(self._dataplane_yaml())
        args = self._serve_args(config)
        for index in range(self.settings.replicas):
            replica = Replica(index, args, os.path.join(self.log_dir, f"replica-{index}.log"))
            self.children.add(replica.child)
            self.replicas.append(replica)
            replica.child.start()
        for replica in self.replicas:
            wait_for(replica.healthy, 120, f"replica {replica.index} to be healthy (log {replica.child.log_path})")
        self.note("replicas: " + ", ".join(f"{r.index}: {r.url} (metrics {r.metrics_port})" for r in self.replicas))

        self.balancer = Balancer(free_port(), [r.port for r in self.replicas]).start()
        self.servers.append(self.balancer)
        for index in range(self.settings.clusters):
            agent = Child(f"agent-{cluster_id(index)}", [
                self._bin("kafkafleetctl"), "agent", "simulate", "--cluster-id", cluster_id(index),
                "--cluster-dns", cluster_dns(index), "--url", self.balancer.url, "--data-dir", self.data_dir,
                "--ready-after", str(self.settings.agent_ready_after),
                "--poll-interval", str(self.settings.agent_poll_interval)],
                os.path.join(self.log_dir, f"agent-{cluster_id(index)}.log"))
            self.children.add(agent)
            self.agents.append(agent)
            agent.start()
        wait_for(lambda: sum(1 for c in self.db.clusters() if c["status"] == "ready") == self.settings.clusters, 120,
                 f"{self.settings.clusters} clusters to become ready")
        self.note(f"{self.settings.clusters} clusters ready, one simulated agent each (through {self.balancer.url})")

    def _serve_args(self, dataplane_config: str) -> list[str]:
        s = self.settings
        return [
            self._bin("kafkafleetd"), "serve", "--data-dir", self.data_dir, "--database-url", self.database_url,
            "--dataplane-config", dataplane_config,
            "--lease-duration", _number(s.lease_duration), "--lease-renew-interval", _number(s.lease_renew_interval),
            "--kafka-domain", ZONE, "--route53-hosted-zone-id", self.zone_id, "--route53-endpoint", self.route53.url,
            "--aws-access-key-id", "testing", "--aws-secret-access-key", "testing",
            "--keycloak-url", self.keycloak.url, "--keycloak-realm", REALM,
            "--keycloak-client-id", KEYCLOAK_ADMIN[0], "--keycloak-client-secret", KEYCLOAK_ADMIN[1],
            # The load creates and deletes far faster than an organisation's default rate limit allows.
            "--org-rate-limit", "0",
            # After a PostgreSQL restart a call can wait in postgres-nio's queue for its whole bound before it fails
            # and is retried (README, Reliability); a 3 s bound keeps that inside the recovery bound of 10 s.
            "--store-timeout", "3",
        ]

    def _dataplane_yaml(self) -> str:
        lines = ["clusters:"]
        for index in range(self.settings.clusters):
            lines += [
                f"  - name: chaos-{index:02d}", f"    cluster_id: {cluster_id(index)}", "    cloud_provider: aws",
                "    region: us-east-1", "    multi_az: true", "    schedulable: true", "    status: cluster_provisioning",
                "    provider_type: standalone", f"    cluster_dns: {cluster_dns(index)}",
                "    supported_instance_type: standard,developer"]
        return "\n".join(lines) + "\n"

    # MARK: tools

    def _bin(self, name: str) -> str:
        return os.path.join(self.settings.bin_dir, name)

    def ctl(self, *args: str) -> str:
        result = subprocess.run([self._bin("kafkafleetctl"), *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"kafkafleetctl {args[0]} exited {result.returncode}: {result.stderr.strip()}")
        return result.stdout

    def token(self, organisation: str, username: str) -> str:
        return self.ctl("token", "--data-dir", self.data_dir, "--org-id", organisation, "--username", username,
                        "--ttl", "6h").strip()

    def _postgres(self, *args: str) -> str:
        script = os.path.join(self.settings.repo_root, ".ci", "postgres.sh")
        result = subprocess.run([script, *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"postgres.sh {args[0]} failed: {result.stderr.strip()[-2000:]}")
        return result.stdout

    # MARK: faults

    def restart_postgres(self) -> None:
        self._postgres("restart", self.pg_dir)

    def kill_replica(self, replica: Replica) -> None:
        replica.child.signal(9)
        replica.child.process.wait(timeout=30)

    def restart_replica(self, replica: Replica) -> None:
        replica.child.start()

    def watch_children(self) -> None:
        """Notes and restarts any replica or agent that exited without the harness asking (a crash)."""
        for child in [r.child for r in self.replicas] + self.agents:
            if child.process is None or child.running() or child.expected_exit:
                continue
            code = child.process.returncode
            with self._watch_lock:
                self.unexpected_exits.append(f"{child.name} exited by itself with code {code} at {time.strftime('%H:%M:%S')};"
                                             f" last log lines:\n{_indent(child.log_tail(15))}")
            self.note(f"{child.name} exited by itself with code {code}; restarting it")
            child.start()

    # MARK: stop

    def stop(self) -> None:
        self.children.stop_all()
        for server in reversed(self.servers):
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                self.note(f"could not stop {server}: {error}")
        if self.postgres_started:
            try:
                self._postgres("stop", self.pg_dir)
            except Exception as error:
                self.note(f"could not stop PostgreSQL: {error}")
            self.postgres_started = False


def _get(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as answer:
        return answer.status == 200


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _indent(text: str) -> str:
    return "\n".join("      " + line for line in text.splitlines())
