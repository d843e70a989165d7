"""kafkafleetctl's commands one by one against the embedded default: what each prints, and that every mistake (bad
input, a refusal, an unreachable server) ends in one clear line on stderr and the documented exit code (1 the server
refused or could not be reached, 2 usage), never a stack trace."""
import base64
import json

import pytest

from conftest import ctl, free_port, token_for, wait_for


def assert_clean_failure(result, exit_code, *fragments):
    """The command failed with `exit_code`, printing one `kafkafleetctl:` line (or usage) that holds every fragment."""
    assert result.returncode == exit_code, f"exit {result.returncode}: {result.stderr}"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr!r}"
    for crash in ("Traceback", "Fatal error", "Stack dump", "Segmentation fault", "Illegal instruction"):
        assert crash not in result.stderr


def claims_of(token):
    """The claims of a JWT, unverified."""
    payload = token.strip().split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


@pytest.fixture
def user(daemon):
    return {"KAFKAFLEET_TOKEN": token_for(daemon.data_dir), "KAFKAFLEET_URL": daemon.url}


@pytest.fixture
def admin(daemon):
    token = token_for(daemon.data_dir, "org-1", "operator", "--admin-role", "kas-fleet-manager-admin-full")
    return {"KAFKAFLEET_TOKEN": token, "KAFKAFLEET_URL": daemon.url}


def test_kafkas_get_and_delete_of_unknown_ids_are_refusals_with_the_server_code(user):
    for command in (("kafkas", "get"), ("kafkas", "delete")):
        for kafka_id in ("cn0000000000000000000", "not-an-id"):
            assert_clean_failure(ctl(*command, kafka_id, env=user, check=False), 1, "KAFKAS-MGMT-7", "HTTP 404")


def test_ids_are_sent_as_one_path_segment_whatever_they_hold(user):
    # "../errors" would otherwise read the error catalogue as a kafka, "x?size=1" send a query.
    for kafka_id in ("a b", "../errors", "../../errors", "x?size=1", "x#y", "%zz", "a/b"):
        for command in (("kafkas", "get"), ("kafkas", "delete")):
            result = ctl(*command, kafka_id, env=user, check=False)
            assert_clean_failure(result, 1, "KAFKAS-MGMT-7")
            assert result.stdout == "", f"{command} {kafka_id!r} printed {result.stdout!r}"


def test_kafkas_list_shows_the_organisations_kafkas_as_a_table_and_as_json(user):
    for name in ("first", "second"):
        ctl("kafkas", "create", "--name", name, env=user)

    table = ctl("kafkas", "list", env=user).stdout.splitlines()
    assert table[0].split()[:3] == ["ID", "NAME", "STATUS"]
    assert sorted(line.split()[1] for line in table[1:]) == ["first", "second"]

    listed = json.loads(ctl("kafkas", "list", "--output", "json", env=user).stdout)
    assert listed["kind"] == "KafkaRequestList" and listed["total"] == 2

    page = json.loads(ctl("kafkas", "list", "--output", "json", "--page", "2", "--size", "1", env=user).stdout)
    assert page["page"] == 2 and page["total"] == 2 and len(page["items"]) == 1

    found = json.loads(ctl("kafkas", "list", "--output", "json", "--search", "name = second", env=user).stdout)
    assert [item["name"] for item in found["items"]] == ["second"]


def test_kafkas_list_refusals_name_the_server_code(user):
    assert_clean_failure(ctl("kafkas", "list", "--search", "name =", env=user, check=False), 1, "KAFKAS-MGMT-23")
    assert_clean_failure(ctl("kafkas", "list", "--search", "colour = red", env=user, check=False), 1, "KAFKAS-MGMT-23")
    assert_clean_failure(ctl("kafkas", "list", "--size", "0", env=user, check=False), 1, "KAFKAS-MGMT-17")


def test_kafkas_create_refusals_name_the_server_code(user):
    ctl("kafkas", "create", "--name", "taken", env=user)
    assert_clean_failure(ctl("kafkas", "create", "--name", "taken", env=user, check=False), 1, "KAFKAS-MGMT-36")
    assert_clean_failure(ctl("kafkas", "create", "--name", "x" * 40, env=user, check=False), 1, "KAFKAS-MGMT-")
    assert_clean_failure(ctl("kafkas", "create", "--name", "elsewhere", "--cloud-provider", "nowhere", env=user, check=False),
                         1, "KAFKAS-MGMT-")
    assert_clean_failure(ctl("kafkas", "create", "--name", "big", "--plan", "standard.x99", env=user, check=False), 1, "KAFKAS-MGMT-")


def test_kafkas_create_prints_the_accepted_kafka_and_get_shows_it(user):
    created = json.loads(ctl("kafkas", "create", "--name", "shown", "--output", "json", env=user).stdout)
    assert created["status"] == "accepted" and created["name"] == "shown"

    table = ctl("kafkas", "get", created["id"], env=user).stdout
    assert created["id"] in table and "shown" in table

    deleted = ctl("kafkas", "delete", created["id"], env=user)
    assert deleted.stdout.strip() == f"kafka {created['id']} is being deleted"


def test_usage_mistakes_exit_2_with_a_message(user):
    assert_clean_failure(ctl("kafkas", "get", env=user, check=False), 2, "id")
    assert_clean_failure(ctl("kafkas", "list", "--output", "yaml", env=user, check=False), 2, "yaml")
    assert_clean_failure(ctl("kafkas", "list", "--page", "first", env=user, check=False), 2, "first")
    assert_clean_failure(ctl("kafkas", "frobnicate", env=user, check=False), 2, "frobnicate")
    assert_clean_failure(ctl("kafkas", "create", "--name", "late", "--wait", "--timeout", "soon", env=user, check=False), 2, "soon")


def test_a_token_the_server_refuses_is_a_refusal_not_a_usage_error(daemon):
    env = {"KAFKAFLEET_URL": daemon.url}
    assert_clean_failure(ctl("kafkas", "list", "--token", "not.a.token", env=env, check=False), 1, "KAFKAS-MGMT-15", "HTTP 401")
    other_key = token_for(daemon.data_dir + "/elsewhere")
    assert_clean_failure(ctl("kafkas", "list", "--token", other_key, env=env, check=False), 1, "KAFKAS-MGMT-15")


def test_a_server_that_is_not_there_is_exit_1_naming_the_url(data_dir):
    url = f"http://127.0.0.1:{free_port()}"
    env = {"KAFKAFLEET_TOKEN": token_for(data_dir), "KAFKAFLEET_URL": url}
    for command in (("kafkas", "list"), ("kafkas", "get", "x"), ("clusters", "list"), ("errors", "list")):
        assert_clean_failure(ctl(*command, env=env, check=False), 1, "cannot reach", url)
    assert_clean_failure(ctl("kafkas", "list", "--url", "not a url", env=env, check=False), 1, "not a url")


def test_token_prints_a_token_with_the_claims_asked_for(data_dir):
    token = ctl("token", "--data-dir", data_dir, "--org-id", "acme", "--username", "alice", "--org-admin", "--ttl", "2h",
                "--admin-role", "kas-fleet-manager-admin-read").stdout
    assert token.count("\n") == 1 and token.count(".") == 2
    claims = claims_of(token)
    assert claims["org_id"] == "acme" and claims["username"] == "alice" and claims["is_org_admin"] is True
    assert claims["exp"] - claims["iat"] == 7200
    assert claims["realm_access"]["roles"] == ["kas-fleet-manager-admin-read"]

    agent_claims = claims_of(ctl("token", "--data-dir", data_dir, "--agent-cluster-id", "edge").stdout)
    assert agent_claims["clientId"] == "kas-fleetshard-agent-edge" and "org_id" not in agent_claims


def test_token_refuses_bad_ttls_and_unusable_data_directories(data_dir):
    for ttl in ("1x", "0h", "-1h", "h", "99999999999999999999d", "999999999999999d"):
        assert_clean_failure(ctl("token", "--data-dir", data_dir, "--ttl", ttl, check=False), 2, "--ttl")
    blocker = f"{data_dir}/file"
    with open(blocker, "w") as handle:
        handle.write("not a directory")
    assert_clean_failure(ctl("token", "--data-dir", f"{blocker}/key", check=False), 2, "cannot load or create the development key")


def test_errors_list_prints_the_catalogue_as_a_table_and_as_json(daemon):
    table = ctl("errors", "list", "--url", daemon.url).stdout.splitlines()
    assert table[0].split() == ["CODE", "REASON"]
    assert any(line.startswith("KAFKAS-MGMT-7 ") for line in table)

    listed = json.loads(ctl("errors", "list", "--url", daemon.url, "--output", "json").stdout)
    assert listed["kind"] == "ErrorList"
    assert {"KAFKAS-MGMT-7", "KAFKAS-MGMT-36"} <= {item["code"] for item in listed["items"]}


def test_clusters_get_shows_one_cluster_and_refuses_unknown_ones(admin):
    wait_for(lambda: "ready" in ctl("clusters", "list", env=admin).stdout, what="the local cluster to be ready")
    listed = json.loads(ctl("clusters", "list", "--output", "json", env=admin).stdout)
    cluster_id = listed["items"][0]["cluster_id"]

    shown = json.loads(ctl("clusters", "get", cluster_id, "--output", "json", env=admin).stdout)
    assert shown["cluster_id"] == cluster_id and shown["status"] == "ready"
    assert cluster_id in ctl("clusters", "get", cluster_id, env=admin).stdout

    assert_clean_failure(ctl("clusters", "get", "no-such-cluster", env=admin, check=False), 1, "KAFKAS-MGMT-7")


def test_clusters_need_an_admin_token(user):
    assert_clean_failure(ctl("clusters", "list", env=user, check=False), 1, "KAFKAS-MGMT-7", "HTTP 404")
