from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pixverse_image_upload_response import PixverseImageUploadResponse
from ...models.pixverse_upload_image_body import PixverseUploadImageBody
from ...types import Response


def _get_kwargs(
    *,
    body: PixverseUploadImageBody,
    ai_trace_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ai-trace-id"] = ai_trace_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/pixverse/image/upload",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | PixverseImageUploadResponse | None:
    if response.status_code == 200:
        response_200 = PixverseImageUploadResponse.from_dict(response.json())

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
) -> Response[Any | ErrorResponse | PixverseImageUploadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseUploadImageBody,
    ai_trace_id: str,
) -> Response[Any | ErrorResponse | PixverseImageUploadResponse]:
    """Upload an image to the server.

    Args:
        ai_trace_id (str):
        body (PixverseUploadImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PixverseImageUploadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        ai_trace_id=ai_trace_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseUploadImageBody,
    ai_trace_id: str,
) -> Any | ErrorResponse | PixverseImageUploadResponse | None:
    """Upload an image to the server.

    Args:
        ai_trace_id (str):
        body (PixverseUploadImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PixverseImageUploadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        ai_trace_id=ai_trace_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseUploadImageBody,
    ai_trace_id: str,
) -> Response[Any | ErrorResponse | PixverseImageUploadResponse]:
    """Upload an image to the server.

    Args:
        ai_trace_id (str):
        body (PixverseUploadImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PixverseImageUploadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        ai_trace_id=ai_trace_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PixverseUploadImageBody,
    ai_trace_id: str,
) -> Any | ErrorResponse | PixverseImageUploadResponse | None:
    """Upload an image to the server.

    Args:
        ai_trace_id (str):
        body (PixverseUploadImageBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PixverseImageUploadResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            ai_trace_id=ai_trace_id,
        )
    ).parsed
