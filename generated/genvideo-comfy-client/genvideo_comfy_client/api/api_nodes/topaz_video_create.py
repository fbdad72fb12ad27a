from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.topaz_create_request_video_schema import TopazCreateRequestVideoSchema
from ...models.topaz_video_create_response import TopazVideoCreateResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TopazCreateRequestVideoSchema,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/topaz/video/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TopazVideoCreateResponse:
    if response.status_code == 200:
        response_200 = TopazVideoCreateResponse.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TopazVideoCreateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TopazCreateRequestVideoSchema,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TopazVideoCreateResponse]:
    """
    Args:
        idempotency_key (str | Unset):
        body (TopazCreateRequestVideoSchema):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TopazVideoCreateResponse]
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
    body: TopazCreateRequestVideoSchema,
    idempotency_key: str | Unset = UNSET,
) -> Error | TopazVideoCreateResponse | None:
    """
    Args:
        idempotency_key (str | Unset):
        body (TopazCreateRequestVideoSchema):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TopazVideoCreateResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TopazCreateRequestVideoSchema,
    idempotency_key: str | Unset = UNSET,
) -> Response[Error | TopazVideoCreateResponse]:
    """
    Args:
        idempotency_key (str | Unset):
        body (TopazCreateRequestVideoSchema):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TopazVideoCreateResponse]
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
    body: TopazCreateRequestVideoSchema,
    idempotency_key: str | Unset = UNSET,
) -> Error | TopazVideoCreateResponse | None:
    """
    Args:
        idempotency_key (str | Unset):
        body (TopazCreateRequestVideoSchema):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TopazVideoCreateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
