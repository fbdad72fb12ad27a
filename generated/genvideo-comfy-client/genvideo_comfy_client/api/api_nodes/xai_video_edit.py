from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.xai_video_async_response import XAIVideoAsyncResponse
from ...models.xai_video_edit_request import XAIVideoEditRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: XAIVideoEditRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/xai/v1/videos/edits",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | XAIVideoAsyncResponse | None:
    if response.status_code == 200:
        response_200 = XAIVideoAsyncResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = cast(Any, None)
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
) -> Response[Any | ErrorResponse | XAIVideoAsyncResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: XAIVideoEditRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | XAIVideoAsyncResponse]:
    """Edit videos using xAI Grok Imagine

     Edit an existing video based on a text prompt (video-to-video editing).
    Video editing is asynchronous. Returns a request_id to poll for the completed video.
    Input video limit is 8 seconds. Audio will not be modified.

    Args:
        idempotency_key (str | Unset):
        body (XAIVideoEditRequest): Request body for xAI Grok Imagine video editing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | XAIVideoAsyncResponse]
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
    body: XAIVideoEditRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | XAIVideoAsyncResponse | None:
    """Edit videos using xAI Grok Imagine

     Edit an existing video based on a text prompt (video-to-video editing).
    Video editing is asynchronous. Returns a request_id to poll for the completed video.
    Input video limit is 8 seconds. Audio will not be modified.

    Args:
        idempotency_key (str | Unset):
        body (XAIVideoEditRequest): Request body for xAI Grok Imagine video editing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | XAIVideoAsyncResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: XAIVideoEditRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | XAIVideoAsyncResponse]:
    """Edit videos using xAI Grok Imagine

     Edit an existing video based on a text prompt (video-to-video editing).
    Video editing is asynchronous. Returns a request_id to poll for the completed video.
    Input video limit is 8 seconds. Audio will not be modified.

    Args:
        idempotency_key (str | Unset):
        body (XAIVideoEditRequest): Request body for xAI Grok Imagine video editing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | XAIVideoAsyncResponse]
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
    body: XAIVideoEditRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | XAIVideoAsyncResponse | None:
    """Edit videos using xAI Grok Imagine

     Edit an existing video based on a text prompt (video-to-video editing).
    Video editing is asynchronous. Returns a request_id to poll for the completed video.
    Input video limit is 8 seconds. Audio will not be modified.

    Args:
        idempotency_key (str | Unset):
        body (XAIVideoEditRequest): Request body for xAI Grok Imagine video editing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | XAIVideoAsyncResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
