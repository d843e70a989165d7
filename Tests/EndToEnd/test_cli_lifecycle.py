"""A kafka's whole life driven with kafkafleetctl, against the embedded default."""
import json

from conftest import ctl, token_for, wait_for


def test_quick_start_creates_a_ready_kafka_and_deletes_it(daemon):
    env = {"KAFKAFLEET_TOKEN": token_for(daemon.data_dir), "KAFKAFLEET_URL": daemon.url}

    created = ctl("kafkas", "create", "--name", "demo", "--wait", "--output", "json", env=env)
    kafka = json.loads(created.stdout)
    assert kafka["status"] == "ready"
    assert kafka["bootstrap_server_host"].endswith(":443")
    assert "ready" in created.stderr  # progress lines when piped

    listed = ctl("kafkas", "list", env=env).stdout
    assert "demo" in listed and "ready" in listed

    shown = json.loads(ctl("kafkas", "get", kafka["id"], "--output", "json", env=env).stdout)
    assert shown["id"] == kafka["id"]

    deleted = ctl("kafkas", "delete", kafka["id"], "--wait", env=env)
    assert "deleted" in deleted.stdout
    gone = ctl("kafkas", "get", kafka["id"], env=env, check=False)
    assert gone.returncode == 1
    assert "KAFKAS-MGMT-7" in gone.stderr


def test_cli_exit_codes(daemon):
    env = {"KAFKAFLEET_TOKEN": token_for(daemon.data_dir), "KAFKAFLEET_URL": daemon.url}
    refused = ctl("kafkas", "create", "--name", "Bad_Name", env=env, check=False)
    assert refused.returncode == 1
    assert "KAFKAS-MGMT-32" in refused.stderr
    assert "Traceback" not in refused.stderr and "Fatal error" not in refused.stderr

    usage = ctl("kafkas", "create", env=env, check=False)
    assert usage.returncode == 2

    no_token = ctl("kafkas", "list", env={"KAFKAFLEET_TOKEN": "", "KAFKAFLEET_URL": daemon.url}, check=False)
    assert no_token.returncode == 2
    assert "KAFKAFLEET_TOKEN" in no_token.stderr


def test_errors_list_needs_no_token(daemon):
    listed = ctl("errors", "list", "--url", daemon.url).stdout
    assert "KAFKAS-MGMT-36" in listed


def test_clusters_list_shows_the_simulated_local_cluster_to_an_admin(daemon):
    admin = token_for(daemon.data_dir, "org-1", "operator", "--admin-role", "kas-fleet-manager-admin-full")
    wait_for(lambda: "ready" in ctl("clusters", "list", "--url", daemon.url, "--token", admin).stdout,
             what="the local cluster to be ready")


def test_migrate_brings_a_new_database_to_the_current_schema_and_is_idempotent(data_dir):
    first = ctl("migrate", "--data-dir", data_dir)
    assert first.stdout.startswith("database schema at version ")
    again = ctl("migrate", "--data-dir", data_dir)
    assert again.stdout == first.stdout
    refused = ctl("migrate", "--database-url", "mysql://nowhere", check=False)
    assert refused.returncode == 2
    assert "postgres://" in refused.stderr
