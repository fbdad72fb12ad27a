"""Images given as files or bytes: inlined where a provider takes them so, else through Comfy's storage.

Every registered provider is covered with no provider named here: what each adapter does with an image
is its own choice, and these tests check that either choice delivers the exact bytes and that a
provider taking URLs never receives a data: URI.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from typing import Any

import pytest

import genvideo
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
STORAGE = "/comfy/customers/storage"


def _arguments(provider: str) -> dict[str, Any]:
    """create()'s arguments for one image given as bytes (the fake's demo arguments, image replaced)."""
    arguments: dict[str, Any] = {"prompt": "a fox in the snow", **fakes()[provider].demo_arguments}
    arguments["image"] = PNG
    return arguments


#: The providers that take images at all (a video transform refuses image=: checked below).
IMAGE_PROVIDERS = [name for name in registry().names if fakes()[name].takes_images]
COMFY_PROVIDERS = [name for name in IMAGE_PROVIDERS if registry().providers[name].spec.name == "comfy"]


def _start(client: genvideo.Client, provider: str) -> str | None:
    """create() with one image as bytes, and the new ref's id; a synchronous provider (its reply is the
    video, no id) runs through generate() and gives None."""
    if registry().providers[provider].synchronous:
        client.generate(provider, **_arguments(provider))
        return None
    return client.create(provider, **_arguments(provider)).id


@pytest.mark.parametrize("provider", [name for name in registry().names if name not in IMAGE_PROVIDERS])
def test_a_provider_that_takes_no_image_refuses_one_before_any_request(sandbox: Sandbox, provider: str) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create(provider, **_arguments(provider))
    assert info.value.option == "image"
    assert sandbox.requests == []


@pytest.mark.parametrize("provider", IMAGE_PROVIDERS)
def test_an_image_given_as_bytes_reaches_the_provider_exactly(sandbox: Sandbox, provider: str) -> None:
    with make_client(sandbox) as client:
        made = _start(client, provider)
    (submission,) = sandbox.submissions
    assert submission.creation_id == made or made is None
    sent = json.dumps(submission.body)
    stored = sandbox.stored_files
    fake = fakes()[provider]
    upload_paths = {fake.path(endpoint) for endpoint in fake.endpoints if endpoint.kind == "upload"}
    if upload_paths:  # the provider's own upload (PixVerse): the bytes go there with the key, an id comes back
        (upload,) = [r for r in sandbox.requests if r.path in upload_paths]
        assert PNG in upload.body
        assert upload.sent_credentials  # the provider's API, unlike a signed storage URL
        assert not stored
        assert "data:" not in sent
        assert base64.b64encode(PNG).decode() not in sent
        return
    if not stored:  # inlined: the provider takes the bytes in the body (a data: URI, or bare base64)
        assert base64.b64encode(PNG).decode() in sent
        return
    (file,) = stored
    assert file.content == PNG
    assert file.content_type == "image/png"
    assert file.file_name.endswith(".png")
    (put,) = file.uploads
    assert not put.sent_credentials  # the signed URL is not the API: no key goes there
    assert "data:" not in sent  # a provider that takes URLs never gets the bytes inline
    assert f"{sandbox.base_url}/storage/" in sent


@pytest.mark.parametrize("provider", COMFY_PROVIDERS)
def test_the_same_bytes_twice_are_uploaded_once(sandbox: Sandbox, provider: str) -> None:
    with make_client(sandbox) as client:
        _start(client, provider)
        _start(client, provider)
    puts = [r for r in sandbox.requests if r.method == "PUT"]
    assert len(puts) == len(sandbox.stored_files)  # a second slot for the same hash reuses the stored file
    assert len(sandbox.submissions) == 2


def _uploading_provider(sandbox: Sandbox) -> str:
    """The first registered provider that puts image bytes in Comfy's storage (found by trying)."""
    with make_client(sandbox) as client:
        for provider in COMFY_PROVIDERS:
            _start(client, provider)
            if sandbox.stored_files:
                return provider
    pytest.fail("no provider uploads images through Comfy's storage")


@pytest.fixture
def uploader(sandbox: Sandbox) -> str:
    provider = _uploading_provider(sandbox)
    sandbox.clear_requests()  # the tests count their own requests (submissions are counted from here)
    return provider


def test_a_refused_upload_is_an_upload_error_and_nothing_is_submitted(sandbox: Sandbox, uploader: str) -> None:
    submitted = len(sandbox.submissions)
    sandbox.add_fault("/storage/", Fault.status(403))
    with make_client(sandbox) as client, pytest.raises(genvideo.UploadError) as info:
        client.create(uploader, **_arguments(uploader) | {"image": PNG + b"403"})
    assert (info.value.what, info.value.status_code, info.value.provider) == ("image 1", 403, uploader)
    assert "uploading image 1 to storage failed" in str(info.value)
    assert len(sandbox.submissions) == submitted
    assert len([r for r in sandbox.requests if r.method == "PUT"]) == 1  # a 403 is not retried


def test_a_failing_upload_is_retried_then_succeeds(sandbox: Sandbox, uploader: str) -> None:
    submitted = len(sandbox.submissions)
    sandbox.add_fault("/storage/", Fault.status(503), Fault.reset())
    with make_client(sandbox, max_retries=3) as client:
        client.create(uploader, **_arguments(uploader) | {"image": PNG + b"503"})
    assert len(sandbox.submissions) == submitted + 1
    assert [r.method for r in sandbox.requests if r.path.startswith("/storage/")] == ["PUT", "PUT", "PUT"]
    assert sandbox.stored_files[-1].content == PNG + b"503"


@pytest.mark.parametrize(
    ("reply", "says"),
    [
        ({"upload_url": "http://169.254.169.254/latest/meta-data", "download_url": "https://x.test/a"}, "link-local"),
        ({"upload_url": "https://user:pw@x.test/a", "download_url": "https://x.test/a"}, "userinfo"),
        ({"upload_url": "http://x.test/a", "download_url": "https://x.test/a"}, "https only"),
        ({"upload_url": "https://x.test/a", "download_url": 7}, "download_url"),
        ({"upload_url": "https://x.test/a"}, "download_url"),
        ({"download_url": "https://x.test/a"}, "upload_url"),
    ],
)
def test_a_hostile_storage_reply_sends_the_bytes_nowhere(
    sandbox: Sandbox, uploader: str, reply: dict[str, Any], says: str
) -> None:
    submitted = len(sandbox.submissions)
    sandbox.add_fault(STORAGE, Fault.body(json.dumps(reply).encode()))
    with make_client(sandbox, max_retries=0) as client, pytest.raises(genvideo.APIError, match=says) as info:
        client.create(uploader, **_arguments(uploader) | {"image": PNG + says.encode()})
    assert isinstance(info.value, genvideo.UploadError | genvideo.ResponseValidationError)
    assert len(sandbox.submissions) == submitted
    assert not [r for r in sandbox.requests if r.method == "PUT"]


def test_the_signed_upload_url_never_appears_in_errors_or_logs(
    sandbox: Sandbox, uploader: str, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox.add_fault("/storage/", Fault.status(500, times=3))
    caplog.set_level(logging.DEBUG, logger="genvideo")
    with make_client(sandbox, max_retries=2) as client, pytest.raises(genvideo.UploadError) as info:
        client.create(uploader, **_arguments(uploader) | {"image": PNG + b"logs"})
    (put, *_) = [r for r in sandbox.requests if r.method == "PUT"]
    signature = next(p for p in put.query.split("&") if p.startswith("Signature=")).removeprefix("Signature=")
    assert signature not in str(info.value)
    assert signature not in repr(info.value)
    assert signature not in caplog.text
    assert "retrying" in caplog.text  # the log lines were there to look at


def test_the_storage_slot_needs_the_comfy_key(sandbox: Sandbox, uploader: str) -> None:
    with (
        make_client(sandbox, comfy_api_key="wrong-key", comfy_auth_token=None) as client,
        pytest.raises(genvideo.AuthenticationError),
    ):
        client.create(uploader, **_arguments(uploader) | {"image": PNG + b"401"})
    assert not [r for r in sandbox.requests if r.method == "PUT"]


@pytest.mark.http_backends
def test_async_create_uploads_too(sandbox: Sandbox, uploader: str) -> None:
    async def main() -> genvideo.CreationRef:
        async with make_async_client(sandbox) as client:
            return await client.create(uploader, **_arguments(uploader) | {"image": PNG + b"async"})

    ref = asyncio.run(main())
    assert sandbox.submissions[-1].creation_id == ref.id
    assert sandbox.stored_files[-1].content == PNG + b"async"
    assert sandbox.stored_files[-1].uploads[-1].header("Content-Type") == "image/png"
