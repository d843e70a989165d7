"""The reference's official Python SDK (rhoas-sdks, strict deserialisation) against a running daemon."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
import rhoas_kafka_mgmt_sdk
from rhoas_kafka_mgmt_sdk.api import default_api, security_api
from rhoas_kafka_mgmt_sdk.exceptions import ForbiddenException, NotFoundException
from rhoas_kafka_mgmt_sdk.model.kafka_promote_request import KafkaPromoteRequest
from rhoas_kafka_mgmt_sdk.model.kafka_request_payload import KafkaRequestPayload
from rhoas_kafka_mgmt_sdk.model.kafka_update_request import KafkaUpdateRequest
from rhoas_kafka_mgmt_sdk.model.service_account_request import ServiceAccountRequest

from conftest import Daemon, token_for, wait_for


def client(daemon, token, api=default_api.DefaultApi):
    configuration = rhoas_kafka_mgmt_sdk.Configuration(host=daemon.url, access_token=token)
    return api(rhoas_kafka_mgmt_sdk.ApiClient(configuration))


def test_sdk_create_get_list_patch_delete(daemon, token):
    api = client(daemon, token)
    created = api.create_kafka(True, KafkaRequestPayload(name="sdk-demo"))
    assert created.status == "accepted"

    fetched = api.get_kafka_by_id(created.id)
    assert fetched.name == "sdk-demo"
    wait_for(lambda: api.get_kafka_by_id(created.id).status == "ready", what="kafka ready")

    api.create_kafka(True, KafkaRequestPayload(name="sdk-other"))
    page = api.get_kafkas(page="1", size="1", order_by="name asc", search="name = sdk-demo")
    assert page.total == 1 and page.size == 1 and page.items[0]["name"] == "sdk-demo"
    second = api.get_kafkas(page="2", size="1", order_by="name asc")
    assert second.total == 2 and second.items[0]["name"] == "sdk-other"

    patched = api.update_kafka_by_id(created.id, KafkaUpdateRequest(reauthentication_enabled=False))
    assert patched.reauthentication_enabled is False

    # The reference answers 202 with an empty body, on which the SDK's typed return raises; read it raw.
    response = api.delete_kafka_by_id(created.id, True, _preload_content=False)
    assert response.status == 202


def test_sdk_reads_catalogues(daemon, token):
    api = client(daemon, token)
    providers = api.get_cloud_providers()
    assert providers.items[0]["id"] == "aws"
    regions = api.get_cloud_provider_regions("aws")
    assert regions.items[0]["id"] == "us-east-1"
    types = api.get_instance_types_by_cloud_provider_and_region("aws", "us-east-1")
    assert {t["id"] for t in types.instance_types} == {"developer", "standard"}
    assert api.get_version_metadata().id == "v1"


def test_sdk_promotes_an_eval_kafka(daemon, token):
    api = client(daemon, token)
    # The embedded default grants every billing model, so an eval kafka can be created and promoted.
    kafka = api.create_kafka(True, KafkaRequestPayload(name="sdk-eval", billing_model="eval"))
    wait_for(lambda: api.get_kafka_by_id(kafka.id).status == "ready", what="eval kafka ready")
    assert api.get_kafka_by_id(kafka.id).billing_model == "eval"

    assert api.promote_kafka(kafka.id, True, KafkaPromoteRequest(desired_kafka_billing_model="standard")) is None
    promoted = wait_for(lambda: (lambda k: k if k.billing_model == "standard" else None)(api.get_kafka_by_id(kafka.id)),
                        what="promotion to standard")
    assert "promotion_status" not in promoted.to_dict() and promoted.status == "ready"


def test_sdk_promote_refuses_a_kafka_that_is_not_eval(daemon, token):
    api = client(daemon, token)
    kafka = api.create_kafka(True, KafkaRequestPayload(name="sdk-paid"))
    with pytest.raises(rhoas_kafka_mgmt_sdk.ApiException) as refused:
        api.promote_kafka(kafka.id, True, KafkaPromoteRequest(desired_kafka_billing_model="standard"))
    assert refused.value.status == 400
    assert json.loads(refused.value.body)["code"] == "KAFKAS-MGMT-21"
    with pytest.raises(rhoas_kafka_mgmt_sdk.ApiException) as missing:
        api.promote_kafka("cv0000000000000000000", True, KafkaPromoteRequest(desired_kafka_billing_model="standard"))
    assert missing.value.status == 404


def test_sdk_metrics_are_empty_without_a_backend(daemon, token):
    api = client(daemon, token)
    kafka = api.create_kafka(True, KafkaRequestPayload(name="sdk-metrics"))
    instant = api.get_metrics_by_instant_query(kafka.id, filters=["kafka_server_brokertopicmetrics_bytes_in_total"])
    assert instant.kind == "MetricsInstantQueryList" and instant.id == kafka.id and instant.items == []
    ranged = api.get_metrics_by_range_query(kafka.id, 5, 30)
    assert ranged.kind == "MetricsRangeQueryList" and ranged.items == []
    assert api.federate_metrics(kafka.id) == ""


class FakePrometheus(BaseHTTPRequestHandler):
    """Answers every query with one series per metric named in its __name__ matcher."""
    queries = []

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)["query"][0]
        FakePrometheus.queries.append(query)
        names = query.split('__name__=~"', 1)[1].split('"', 1)[0].split("|")
        labels = lambda name: {"__name__": name, "topic": "orders", "strimzi_io_cluster": "sdk", "namespace": "x"}
        if url.path.endswith("/query_range"):
            result = [{"metric": labels(n), "values": [[1611670230, "1"], [1611670260, "2.5"]]} for n in names]
            kind = "matrix"
        else:
            result = [{"metric": labels(n), "value": [1611670230.5, "84154"]} for n in names]
            kind = "vector"
        body = json.dumps({"status": "success", "data": {"resultType": kind, "result": result}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def prometheus():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakePrometheus)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_sdk_reads_metrics_from_a_prometheus_backend(data_dir, prometheus):
    daemon = Daemon(data_dir, ["--metrics-query-url", prometheus]).start()
    try:
        api = client(daemon, token_for(data_dir))
        kafka = api.create_kafka(True, KafkaRequestPayload(name="sdk-observed"))
        instant = api.get_metrics_by_instant_query(kafka.id, filters=["kafka_server_brokertopicmetrics_bytes_in_total",
                                                                      "kubelet_volume_stats_used_bytes"])
        assert sorted(item["metric"]["__name__"] for item in instant.items) == [
            "kafka_server_brokertopicmetrics_bytes_in_total", "kubelet_volume_stats_used_bytes"]
        assert instant.items[0]["timestamp"] == 1611670230500 and instant.items[0]["value"] == 84154
        assert all(f'namespace="kafka-{kafka.id}"' in q for q in FakePrometheus.queries)

        ranged = api.get_metrics_by_range_query(kafka.id, 10, 60, filters=["kafka_instance_partition_limit"])
        assert [v["value"] for v in ranged.items[0]["values"]] == [1, 2.5]

        federated = api.federate_metrics(kafka.id)
        assert "# TYPE kafka_server_brokertopicmetrics_bytes_in_total gauge" in federated
        assert 'kafka_topic:kafka_log_log_size:sum{topic="orders"} 84154' in federated
    finally:
        daemon.stop()


def test_sdk_service_accounts(daemon, token):
    security = client(daemon, token, security_api.SecurityApi)
    created = security.create_service_account(ServiceAccountRequest(name="sdk-sa", description="made by the SDK"))
    assert created.kind == "ServiceAccount" and created.client_id.startswith("srvc-acct-") and created.client_secret
    assert created.created_by == "alice"

    listed = security.get_service_accounts()
    assert [item["id"] for item in listed.items] == [created.id]
    assert "client_secret" not in listed.items[0]
    by_client_id = security.get_service_accounts(client_id=created.client_id)
    assert [item["client_id"] for item in by_client_id.items] == [created.client_id]

    fetched = security.get_service_account_by_id(created.id)
    assert fetched.name == "sdk-sa" and "client_secret" not in fetched

    reset = security.reset_service_account_creds(created.id)
    assert reset.client_secret and reset.client_secret != created.client_secret

    # Another organisation neither sees nor reads it.
    stranger = client(daemon, token_for(daemon.data_dir, "org-2", "mallory"), security_api.SecurityApi)
    assert stranger.get_service_accounts().items == []
    try:
        stranger.get_service_account_by_id(created.id)
        raise AssertionError("another organisation read the service account")
    except ForbiddenException as refused:
        assert refused.status == 403

    # The reference answers 204 with an empty body, which the SDK's declared Error return cannot hold; read it raw.
    response = security.delete_service_account_by_id(created.id, _preload_content=False)
    assert response.status == 204
    try:
        security.get_service_account_by_id(created.id)
        raise AssertionError("the deleted service account is still there")
    except NotFoundException as missing:
        assert missing.status == 404
