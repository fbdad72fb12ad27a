from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pixverse_video_result_response import PixverseVideoResultResponse
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    ai_trace_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ai-trace-id"] = ai_trace_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/proxy/pixverse/video/result/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | PixverseVideoResultResponse | None:
    if response.status_code == 200:
        response_200 = PixverseVideoResultResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[ErrorResponse | PixverseVideoResultResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    ai_trace_id: str,
) -> Response[ErrorResponse | PixverseVideoResultResponse]:
    """Get the result of a video generation.

    Args:
        id (int):
        ai_trace_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PixverseVideoResultResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        ai_trace_id=ai_trace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    ai_trace_id: str,
) -> ErrorResponse | PixverseVideoResultResponse | None:
    """Get the result of a video generation.

    Args:
        id (int):
        ai_trace_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PixverseVideoResultResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        ai_trace_id=ai_trace_id,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    ai_trace_id: str,
) -> Response[ErrorResponse | PixverseVideoResultResponse]:
    """Get the result of a video generation.

    Args:
        id (int):
        ai_trace_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | PixverseVideoResultResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        ai_trace_id=ai_trace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    ai_trace_id: str,
) -> ErrorResponse | PixverseVideoResultResponse | None:
    """Get the result of a video generation.

    Args:
        id (int):
        ai_trace_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | PixverseVideoResultResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            ai_trace_id=ai_trace_id,
        )
    ).parsed
