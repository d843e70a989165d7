"""The reference's official Python SDK (rhoas-sdks, strict deserialisation) against a running daemon."""
import rhoas_kafka_mgmt_sdk
from rhoas_kafka_mgmt_sdk.api import default_api, security_api
from rhoas_kafka_mgmt_sdk.exceptions import ForbiddenException, NotFoundException
from rhoas_kafka_mgmt_sdk.model.kafka_request_payload import KafkaRequestPayload
from rhoas_kafka_mgmt_sdk.model.kafka_update_request import KafkaUpdateRequest
from rhoas_kafka_mgmt_sdk.model.service_account_request import ServiceAccountRequest

from conftest import token_for, wait_for


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
