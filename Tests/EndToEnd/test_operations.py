"""Operating the daemon: graceful shutdown under load, a separate agent process, several replicas on PostgreSQL."""
import os
import re
import subprocess
import threading

import pytest
import requests

from conftest import BIN_DIR, Daemon, ctl, token_for, wait_for

BASE = "/api/kafkas_mgmt/v1"


def test_sigterm_during_load_loses_no_accepted_request(data_dir):
    daemon = Daemon(data_dir).start()
    headers = {"Authorization": f"Bearer {token_for(data_dir)}"}
    accepted, lock = [], threading.Lock()

    def create(index):
        try:
            answer = requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": f"load-{index}"}, headers=headers, timeout=10)
        except requests.RequestException:
            return
        if answer.status_code == 202:
            with lock:
                accepted.append(answer.json()["id"])

    threads = [threading.Thread(target=create, args=(i,)) for i in range(40)]
    for index, thread in enumerate(threads):
        thread.start()
        if index == 20:
            daemon.process.terminate()
    for thread in threads:
        thread.join()
    assert daemon.process.wait(timeout=60) == 0
    daemon.log.close()

    restarted = Daemon(data_dir).start()
    try:
        listed = requests.get(f"{restarted.url}{BASE}/kafkas?size=1000", headers=headers).json()
        stored = {item["id"] for item in listed["items"]}
        assert accepted, "no request was accepted before the shutdown"
        assert set(accepted) <= stored
    finally:
        restarted.stop()


def test_a_separate_simulated_agent_makes_a_configured_cluster_ready(data_dir):
    config = os.path.join(data_dir, "dataplane.yaml")
    with open(config, "w") as handle:
        handle.write("clusters:\n  - name: edge\n    cluster_id: edge-cluster\n    cloud_provider: aws\n    region: us-east-1\n"
                     "    multi_az: true\n    status: cluster_provisioning\n    provider_type: standalone\n"
                     "    cluster_dns: apps.edge.example.com\n    supported_instance_type: standard,developer\n")
    daemon = Daemon(data_dir, ["--dataplane-config", config]).start()
    agent = subprocess.Popen([os.path.join(BIN_DIR, "kafkafleetctl"), "agent", "simulate", "--cluster-id", "edge-cluster",
                              "--url", daemon.url, "--data-dir", data_dir, "--cluster-dns", "apps.edge.example.com", "--ready-after", "0.2", "--poll-interval", "0.2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = {"KAFKAFLEET_TOKEN": token_for(data_dir), "KAFKAFLEET_URL": daemon.url}
        wait_for(lambda: ctl("kafkas", "create", "--name", "edge-demo", "--wait", env=env, check=False).returncode == 0,
                 timeout=120, what="a kafka on the separately simulated cluster to become ready")
    finally:
        agent.terminate()
        agent.wait(timeout=30)
        daemon.stop()


@pytest.mark.skipif(not os.environ.get("KAFKAFLEET_E2E_DATABASE_URL"), reason="needs KAFKAFLEET_E2E_DATABASE_URL")
def test_two_replicas_on_postgres_each_worker_leads_on_exactly_one(data_dir):
    url = os.environ["KAFKAFLEET_E2E_DATABASE_URL"]
    args = ["--database-url", url, "--lease-duration", "3", "--lease-renew-interval", "1"]
    first = Daemon(data_dir, args).start()
    second = Daemon(data_dir, args).start()
    try:
        def leaders():
            counts = {}
            for daemon in (first, second):
                for worker, value in re.findall(r'kas_fleet_manager_leader_worker\{worker_type="([^"]+)"\} (\S+)', daemon.metrics()):
                    counts.setdefault(worker, 0)
                    counts[worker] += 1 if float(value) == 1 else 0
            return counts if counts and all(count == 1 for count in counts.values()) else None

        counts = wait_for(leaders, what="every worker to lead on exactly one replica")
        assert "accepted_kafka" in counts and "cluster" in counts
        headers = {"Authorization": f"Bearer {token_for(data_dir)}"}
        created = requests.post(f"{second.url}{BASE}/kafkas?async=true", json={"name": "replicated"}, headers=headers).json()
        wait_for(lambda: requests.get(f"{first.url}{BASE}/kafkas/{created['id']}", headers=headers).json()["status"] == "ready",
                 what="a kafka created on one replica to become ready")
    finally:
        first.stop()
        second.stop()
