from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.wavespeed_flash_vsr_request import WavespeedFlashVSRRequest
from ...models.wavespeed_task_response import WavespeedTaskResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WavespeedFlashVSRRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/wavespeed/api/v3/wavespeed-ai/flashvsr",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | WavespeedTaskResponse | None:
    if response.status_code == 200:
        response_200 = WavespeedTaskResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | WavespeedTaskResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WavespeedFlashVSRRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | WavespeedTaskResponse]:
    """Submit a FlashVSR video upscaling task

     Submit a video for upscaling using WavespeedAI's FlashVSR model.
    FlashVSR is a fast, high-quality video upscaler that boosts resolution and restores clarity
    for low-resolution or blurry footage.

    Supported target resolutions: 720p, 1080p, 2k, 4k

    Max clip length: up to 10 minutes
    Processing speed: approximately 3-20 seconds of wall time to process 1 second of video

    Returns a task ID that can be used to poll for the result.

    Args:
        idempotency_key (str | Unset):
        body (WavespeedFlashVSRRequest): Request body for WavespeedAI FlashVSR video upscaling

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | WavespeedTaskResponse]
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
    body: WavespeedFlashVSRRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | WavespeedTaskResponse | None:
    """Submit a FlashVSR video upscaling task

     Submit a video for upscaling using WavespeedAI's FlashVSR model.
    FlashVSR is a fast, high-quality video upscaler that boosts resolution and restores clarity
    for low-resolution or blurry footage.

    Supported target resolutions: 720p, 1080p, 2k, 4k

    Max clip length: up to 10 minutes
    Processing speed: approximately 3-20 seconds of wall time to process 1 second of video

    Returns a task ID that can be used to poll for the result.

    Args:
        idempotency_key (str | Unset):
        body (WavespeedFlashVSRRequest): Request body for WavespeedAI FlashVSR video upscaling

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | WavespeedTaskResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WavespeedFlashVSRRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | WavespeedTaskResponse]:
    """Submit a FlashVSR video upscaling task

     Submit a video for upscaling using WavespeedAI's FlashVSR model.
    FlashVSR is a fast, high-quality video upscaler that boosts resolution and restores clarity
    for low-resolution or blurry footage.

    Supported target resolutions: 720p, 1080p, 2k, 4k

    Max clip length: up to 10 minutes
    Processing speed: approximately 3-20 seconds of wall time to process 1 second of video

    Returns a task ID that can be used to poll for the result.

    Args:
        idempotency_key (str | Unset):
        body (WavespeedFlashVSRRequest): Request body for WavespeedAI FlashVSR video upscaling

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | WavespeedTaskResponse]
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
    body: WavespeedFlashVSRRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | WavespeedTaskResponse | None:
    """Submit a FlashVSR video upscaling task

     Submit a video for upscaling using WavespeedAI's FlashVSR model.
    FlashVSR is a fast, high-quality video upscaler that boosts resolution and restores clarity
    for low-resolution or blurry footage.

    Supported target resolutions: 720p, 1080p, 2k, 4k

    Max clip length: up to 10 minutes
    Processing speed: approximately 3-20 seconds of wall time to process 1 second of video

    Returns a task ID that can be used to poll for the result.

    Args:
        idempotency_key (str | Unset):
        body (WavespeedFlashVSRRequest): Request body for WavespeedAI FlashVSR video upscaling

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | WavespeedTaskResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
