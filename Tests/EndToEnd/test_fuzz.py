"""Fuzzes the public, agent and admin APIs of a running daemon from their own OpenAPI documents with schemathesis.

Each API is fuzzed with a valid token of its kind (user, agent of the simulated cluster, full admin) and a bounded
number of examples per operation (FUZZ_MAX_EXAMPLES, 50 by default). A run passes when no response is a 5xx, the
daemon stays up, and every response conforms to the document: a documented status code, its content type and a body
valid against its schema. Schemathesis prints each failure with a curl command that reproduces it, and the seed of
the run (pass FUZZ_SEED to repeat one).
"""
import os
import subprocess
import sys
import tempfile

import pytest
import requests

from conftest import Daemon, token_for, wait_for

BASE = "/api/kafkas_mgmt/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
CLUSTER_ID = "kafkafleet-local"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


class Fuzzed:
    """A daemon of its own for each run (a crash found in one API does not hide the others' findings), with a token
    of each kind and a user who creates the kafkas to fuzz."""

    def __init__(self, daemon):
        self.daemon = daemon
        user = token_for(daemon.data_dir, "fuzz-org", "fuzzer", "--org-admin")
        self.user_headers = {"Authorization": f"Bearer {user}"}
        self.tokens = {
            "public": user,
            "agent": token_for(daemon.data_dir, "", "", "--agent-cluster-id", CLUSTER_ID),
            "admin": token_for(daemon.data_dir, "fuzz-org", "operator", "--admin-role", "kas-fleet-manager-admin-full"),
        }

    def ready_kafka(self, name):
        """Creates a kafka and waits until it is ready; returns its id."""
        created = requests.post(f"{self.daemon.url}{BASE}/kafkas?async=true", json={"name": name}, headers=self.user_headers,
                                timeout=10)
        assert created.status_code == 202, created.text
        kafka_id = created.json()["id"]
        wait_for(lambda: requests.get(f"{self.daemon.url}{BASE}/kafkas/{kafka_id}", headers=self.user_headers, timeout=5)
                 .json()["status"] == "ready", what=f"kafka {name} to be ready")
        return kafka_id


def up(daemon):
    """Whether the daemon still answers its health check (a crashing one may linger while it prints a backtrace)."""
    try:
        return daemon.healthy()
    except (AssertionError, requests.RequestException):
        return False


@pytest.fixture
def fuzzed():
    with tempfile.TemporaryDirectory(prefix="kafkafleet-fuzz-") as data_dir:
        daemon = Daemon(data_dir).start()
        try:
            yield Fuzzed(daemon)
        finally:
            daemon.stop()


@pytest.mark.parametrize("api,document", [
    ("public", f"{BASE}/openapi"),
    ("agent", f"{BASE}/openapi/agent"),
    ("admin", f"{BASE}/openapi/admin"),
])
def test_fuzzing_finds_no_server_error_and_no_schema_violation(fuzzed, api, document):
    daemon = fuzzed.daemon
    command = [
        os.path.join(os.path.dirname(sys.executable), "schemathesis"), "--no-color",
        "--config-file", os.path.join(HERE, "fuzz.toml"),
        "run", f"{daemon.url}{document}", "--url", daemon.url,
        "--header", f"Authorization: Bearer {fuzzed.tokens[api]}",
        "--checks", CHECKS, "--phases", "examples,coverage,fuzzing",
        "--max-examples", os.environ.get("FUZZ_MAX_EXAMPLES", "50"), "--workers", "1",
        "--request-timeout", "10", "--output-truncate", "false",
    ]
    if os.environ.get("FUZZ_SEED"):
        command += ["--seed", os.environ["FUZZ_SEED"]]
    env = dict(os.environ, FUZZ_KAFKA_ID=fuzzed.ready_kafka(f"fuzz-{api}"),
               FUZZ_DELETED_KAFKA_ID=fuzzed.ready_kafka(f"fuzz-{api}-deleted"), FUZZ_CLUSTER_ID=CLUSTER_ID)
    with tempfile.TemporaryDirectory(prefix="kafkafleet-fuzz-run-") as workdir:
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=workdir, timeout=600)
    report = (result.stdout + result.stderr)[-20000:]
    assert daemon.process.poll() is None, f"kafkafleetd died while fuzzing the {api} API:\n{report}"
    assert up(daemon), f"kafkafleetd stopped answering while fuzzing the {api} API:\n{report}"
    assert result.returncode == 0, f"fuzzing the {api} API failed:\n{report}"
