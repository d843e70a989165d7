"""A kafka's whole life over plain HTTP, as curl would drive it."""
import requests

from conftest import wait_for

BASE = "/api/kafkas_mgmt/v1"


def test_kafka_over_http(daemon, token):
    headers = {"Authorization": f"Bearer {token}"}
    created = requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": "curl-demo"}, headers=headers)
    assert created.status_code == 202, created.text
    kafka = created.json()
    assert kafka["status"] == "accepted"
    assert created.headers["X-Operation-ID"]

    ready = wait_for(lambda: (lambda k: k if k["status"] == "ready" else None)(
        requests.get(f"{daemon.url}{BASE}/kafkas/{kafka['id']}", headers=headers).json()), what="kafka ready")
    assert ready["bootstrap_server_host"].endswith(":443")

    patched = requests.patch(f"{daemon.url}{BASE}/kafkas/{kafka['id']}", json={"reauthentication_enabled": False}, headers=headers)
    assert patched.status_code == 200
    assert patched.json()["reauthentication_enabled"] is False

    deleted = requests.delete(f"{daemon.url}{BASE}/kafkas/{kafka['id']}?async=true", headers=headers)
    assert deleted.status_code == 202
    assert deleted.content == b""
    wait_for(lambda: requests.get(f"{daemon.url}{BASE}/kafkas/{kafka['id']}", headers=headers).status_code == 404,
             what="kafka gone")


def test_the_embedded_default_runs_a_trial_kafka_beside_a_standard_one(daemon, token):
    headers = {"Authorization": f"Bearer {token}"}
    trial = requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": "trial", "plan": "developer.x1"}, headers=headers)
    standard = requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": "paid", "plan": "standard.x1"}, headers=headers)
    assert trial.status_code == 202, trial.text
    assert standard.status_code == 202, standard.text
    assert trial.json()["instance_type"] == "developer" and trial.json()["multi_az"] is False
    assert standard.json()["instance_type"] == "standard" and standard.json()["multi_az"] is True
    for kafka in (trial.json(), standard.json()):
        wait_for(lambda: requests.get(f"{daemon.url}{BASE}/kafkas/{kafka['id']}", headers=headers).json()["status"] == "ready",
                 what=f"{kafka['name']} ready")


def test_every_protected_route_needs_a_token(daemon):
    for method, path in [("GET", "/kafkas"), ("POST", "/kafkas?async=true"), ("GET", "/kafkas/x"), ("GET", "/cloud_providers"),
                         ("GET", "/agent-clusters/kafkafleet-local/kafkas"), ("GET", "/admin/kafkas")]:
        answer = requests.request(method, f"{daemon.url}{BASE}{path}")
        assert answer.status_code == 401, (method, path, answer.text)
        assert answer.json()["code"] == "KAFKAS-MGMT-15"


def test_metrics_and_health(daemon, token):
    requests.get(f"{daemon.url}{BASE}/kafkas", headers={"Authorization": f"Bearer {token}"})
    text = daemon.metrics()
    assert "kas_fleet_manager_reconciler_success_count" in text
    assert "api_inbound_request_count" in text
