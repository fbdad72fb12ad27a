from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bria_async_response import BriaAsyncResponse
from ...models.bria_error_response import BriaErrorResponse
from ...models.bria_video_remove_background_request import BriaVideoRemoveBackgroundRequest
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BriaVideoRemoveBackgroundRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/bria/v2/video/edit/remove_background",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse | None:
    if response.status_code == 202:
        response_202 = BriaAsyncResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = BriaErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 422:
        response_422 = BriaErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BriaVideoRemoveBackgroundRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse]:
    """Remove background from a video using Bria

     Initiates an asynchronous background removal job for a video using Bria's API.

    Returns HTTP 202 with request_id and status_url. Poll the status endpoint for results.

    Supported input containers: .mp4, .mov, .webm, .avi, .gif
    Supported input codecs: H.264, H.265 (HEVC), VP9, AV1, PhotoJPEG
    Max input duration: 60 seconds. Input resolution up to 16000x16000.

    Args:
        idempotency_key (str | Unset):
        body (BriaVideoRemoveBackgroundRequest): Request body for Bria Video Remove Background API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BriaVideoRemoveBackgroundRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse | None:
    """Remove background from a video using Bria

     Initiates an asynchronous background removal job for a video using Bria's API.

    Returns HTTP 202 with request_id and status_url. Poll the status endpoint for results.

    Supported input containers: .mp4, .mov, .webm, .avi, .gif
    Supported input codecs: H.264, H.265 (HEVC), VP9, AV1, PhotoJPEG
    Max input duration: 60 seconds. Input resolution up to 16000x16000.

    Args:
        idempotency_key (str | Unset):
        body (BriaVideoRemoveBackgroundRequest): Request body for Bria Video Remove Background API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BriaVideoRemoveBackgroundRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse]:
    """Remove background from a video using Bria

     Initiates an asynchronous background removal job for a video using Bria's API.

    Returns HTTP 202 with request_id and status_url. Poll the status endpoint for results.

    Supported input containers: .mp4, .mov, .webm, .avi, .gif
    Supported input codecs: H.264, H.265 (HEVC), VP9, AV1, PhotoJPEG
    Max input duration: 60 seconds. Input resolution up to 16000x16000.

    Args:
        idempotency_key (str | Unset):
        body (BriaVideoRemoveBackgroundRequest): Request body for Bria Video Remove Background API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BriaVideoRemoveBackgroundRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse | None:
    """Remove background from a video using Bria

     Initiates an asynchronous background removal job for a video using Bria's API.

    Returns HTTP 202 with request_id and status_url. Poll the status endpoint for results.

    Supported input containers: .mp4, .mov, .webm, .avi, .gif
    Supported input codecs: H.264, H.265 (HEVC), VP9, AV1, PhotoJPEG
    Max input duration: 60 seconds. Input resolution up to 16000x16000.

    Args:
        idempotency_key (str | Unset):
        body (BriaVideoRemoveBackgroundRequest): Request body for Bria Video Remove Background API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BriaAsyncResponse | BriaErrorResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
