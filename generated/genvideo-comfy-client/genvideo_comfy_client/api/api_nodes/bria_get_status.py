from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bria_status_not_found_response import BriaStatusNotFoundResponse
from ...models.bria_status_response import BriaStatusResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    request_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/proxy/bria/v2/status/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BriaStatusResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 404:
        response_404 = BriaStatusNotFoundResponse.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse]:
    """Get Bria request status

     Retrieves the current status of an asynchronous Bria request.

    Poll this endpoint until the status is COMPLETED or ERROR.

    Status values:
    - `IN_PROGRESS` – Request is being processed. Continue polling.
    - `COMPLETED` – Success. Response includes `result.image_url` for images, `result.video_url` for
    videos, or `result.structured_prompt` for structured prompt generation. Additional optional fields
    (seed, prompt, refined_prompt) may be included.
    - `ERROR` – Processing failed. Check error object for details.
    - `UNKNOWN` – Unexpected internal error.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse | None:
    """Get Bria request status

     Retrieves the current status of an asynchronous Bria request.

    Poll this endpoint until the status is COMPLETED or ERROR.

    Status values:
    - `IN_PROGRESS` – Request is being processed. Continue polling.
    - `COMPLETED` – Success. Response includes `result.image_url` for images, `result.video_url` for
    videos, or `result.structured_prompt` for structured prompt generation. Additional optional fields
    (seed, prompt, refined_prompt) may be included.
    - `ERROR` – Processing failed. Check error object for details.
    - `UNKNOWN` – Unexpected internal error.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse]:
    """Get Bria request status

     Retrieves the current status of an asynchronous Bria request.

    Poll this endpoint until the status is COMPLETED or ERROR.

    Status values:
    - `IN_PROGRESS` – Request is being processed. Continue polling.
    - `COMPLETED` – Success. Response includes `result.image_url` for images, `result.video_url` for
    videos, or `result.structured_prompt` for structured prompt generation. Additional optional fields
    (seed, prompt, refined_prompt) may be included.
    - `ERROR` – Processing failed. Check error object for details.
    - `UNKNOWN` – Unexpected internal error.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse | None:
    """Get Bria request status

     Retrieves the current status of an asynchronous Bria request.

    Poll this endpoint until the status is COMPLETED or ERROR.

    Status values:
    - `IN_PROGRESS` – Request is being processed. Continue polling.
    - `COMPLETED` – Success. Response includes `result.image_url` for images, `result.video_url` for
    videos, or `result.structured_prompt` for structured prompt generation. Additional optional fields
    (seed, prompt, refined_prompt) may be included.
    - `ERROR` – Processing failed. Check error object for details.
    - `UNKNOWN` – Unexpected internal error.

    Args:
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BriaStatusNotFoundResponse | BriaStatusResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
        )
    ).parsed
