from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pixverse_image_video_request import PixverseImageVideoRequest
from ...models.pixverse_video_response import PixverseVideoResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PixverseImageVideoRequest,
    ai_trace_id: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ai-trace-id"] = ai_trace_id

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/pixverse/video/img/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | PixverseVideoResponse | None:
    if response.status_code == 200:
        response_200 = PixverseVideoResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | PixverseVideoResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseImageVideoRequest,
    ai_trace_id: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | PixverseVideoResponse]:
    """Generate video from image.

    Args:
        ai_trace_id (str):
        idempotency_key (str | Unset):
        body (PixverseImageVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PixverseVideoResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        ai_trace_id=ai_trace_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseImageVideoRequest,
    ai_trace_id: str,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | PixverseVideoResponse | None:
    """Generate video from image.

    Args:
        ai_trace_id (str):
        idempotency_key (str | Unset):
        body (PixverseImageVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PixverseVideoResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        ai_trace_id=ai_trace_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseImageVideoRequest,
    ai_trace_id: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | PixverseVideoResponse]:
    """Generate video from image.

    Args:
        ai_trace_id (str):
        idempotency_key (str | Unset):
        body (PixverseImageVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PixverseVideoResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        ai_trace_id=ai_trace_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseImageVideoRequest,
    ai_trace_id: str,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | PixverseVideoResponse | None:
    """Generate video from image.

    Args:
        ai_trace_id (str):
        idempotency_key (str | Unset):
        body (PixverseImageVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PixverseVideoResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            ai_trace_id=ai_trace_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
