from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.veo_gen_vid_request import VeoGenVidRequest
from ...models.veo_gen_vid_response import VeoGenVidResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    model_id: str,
    *,
    body: VeoGenVidRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/veo/{model_id}/generate".format(
            model_id=quote(str(model_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | VeoGenVidResponse | None:
    if response.status_code == 200:
        response_200 = VeoGenVidResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | VeoGenVidResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VeoGenVidRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | VeoGenVidResponse]:
    """Generate a video from a text prompt and optional image

    Args:
        model_id (str):
        idempotency_key (str | Unset):
        body (VeoGenVidRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | VeoGenVidResponse]
    """

    kwargs = _get_kwargs(
        model_id=model_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VeoGenVidRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | VeoGenVidResponse | None:
    """Generate a video from a text prompt and optional image

    Args:
        model_id (str):
        idempotency_key (str | Unset):
        body (VeoGenVidRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | VeoGenVidResponse
    """

    return sync_detailed(
        model_id=model_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VeoGenVidRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | VeoGenVidResponse]:
    """Generate a video from a text prompt and optional image

    Args:
        model_id (str):
        idempotency_key (str | Unset):
        body (VeoGenVidRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | VeoGenVidResponse]
    """

    kwargs = _get_kwargs(
        model_id=model_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    model_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: VeoGenVidRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | VeoGenVidResponse | None:
    """Generate a video from a text prompt and optional image

    Args:
        model_id (str):
        idempotency_key (str | Unset):
        body (VeoGenVidRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | VeoGenVidResponse
    """

    return (
        await asyncio_detailed(
            model_id=model_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
