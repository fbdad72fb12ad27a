from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.ltx_image_2_video_request import LTXImage2VideoRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LTXImage2VideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/ltx/v1/image-to-video",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorResponse:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LTXImage2VideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """LTX Video Generate Video from Image

     Transform a static image into a dynamic video using LTX Video AI models

    Args:
        idempotency_key (str | Unset):
        body (LTXImage2VideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
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
    body: LTXImage2VideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """LTX Video Generate Video from Image

     Transform a static image into a dynamic video using LTX Video AI models

    Args:
        idempotency_key (str | Unset):
        body (LTXImage2VideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LTXImage2VideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | ErrorResponse]:
    """LTX Video Generate Video from Image

     Transform a static image into a dynamic video using LTX Video AI models

    Args:
        idempotency_key (str | Unset):
        body (LTXImage2VideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
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
    body: LTXImage2VideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | ErrorResponse | None:
    """LTX Video Generate Video from Image

     Transform a static image into a dynamic video using LTX Video AI models

    Args:
        idempotency_key (str | Unset):
        body (LTXImage2VideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
