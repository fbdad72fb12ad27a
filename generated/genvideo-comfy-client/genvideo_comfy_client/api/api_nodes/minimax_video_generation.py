from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.minimax_video_generation_request import MinimaxVideoGenerationRequest
from ...models.minimax_video_generation_response import MinimaxVideoGenerationResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MinimaxVideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/minimax/video_generation",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | MinimaxVideoGenerationResponse | None:
    if response.status_code == 200:
        response_200 = MinimaxVideoGenerationResponse.from_dict(response.json())

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

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | MinimaxVideoGenerationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MinimaxVideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | MinimaxVideoGenerationResponse]:
    """Proxy request to Minimax for video generation

     Forwards video generation requests to Minimax's API and returns the task ID for asynchronous
    processing.

    Args:
        idempotency_key (str | Unset):
        body (MinimaxVideoGenerationRequest): Parameters for the Minimax video generation proxy
            request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | MinimaxVideoGenerationResponse]
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
    body: MinimaxVideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | MinimaxVideoGenerationResponse | None:
    """Proxy request to Minimax for video generation

     Forwards video generation requests to Minimax's API and returns the task ID for asynchronous
    processing.

    Args:
        idempotency_key (str | Unset):
        body (MinimaxVideoGenerationRequest): Parameters for the Minimax video generation proxy
            request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | MinimaxVideoGenerationResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MinimaxVideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | MinimaxVideoGenerationResponse]:
    """Proxy request to Minimax for video generation

     Forwards video generation requests to Minimax's API and returns the task ID for asynchronous
    processing.

    Args:
        idempotency_key (str | Unset):
        body (MinimaxVideoGenerationRequest): Parameters for the Minimax video generation proxy
            request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | MinimaxVideoGenerationResponse]
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
    body: MinimaxVideoGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | MinimaxVideoGenerationResponse | None:
    """Proxy request to Minimax for video generation

     Forwards video generation requests to Minimax's API and returns the task ID for asynchronous
    processing.

    Args:
        idempotency_key (str | Unset):
        body (MinimaxVideoGenerationRequest): Parameters for the Minimax video generation proxy
            request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | MinimaxVideoGenerationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
