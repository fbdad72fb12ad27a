from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.luma_error import LumaError
from ...models.luma_generation import LumaGeneration
from ...models.luma_generation_request import LumaGenerationRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LumaGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/luma/generations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LumaError | LumaGeneration:
    if response.status_code == 201:
        response_201 = LumaGeneration.from_dict(response.json())

        return response_201

    response_default = LumaError.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LumaError | LumaGeneration]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LumaGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[LumaError | LumaGeneration]:
    """Create a generation

     Initiate a new generation with the provided prompt

    Args:
        idempotency_key (str | Unset):
        body (LumaGenerationRequest): The generation request object

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LumaError | LumaGeneration]
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
    body: LumaGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> LumaError | LumaGeneration | None:
    """Create a generation

     Initiate a new generation with the provided prompt

    Args:
        idempotency_key (str | Unset):
        body (LumaGenerationRequest): The generation request object

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LumaError | LumaGeneration
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LumaGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[LumaError | LumaGeneration]:
    """Create a generation

     Initiate a new generation with the provided prompt

    Args:
        idempotency_key (str | Unset):
        body (LumaGenerationRequest): The generation request object

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LumaError | LumaGeneration]
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
    body: LumaGenerationRequest,
    idempotency_key: str | Unset = UNSET,
) -> LumaError | LumaGeneration | None:
    """Create a generation

     Initiate a new generation with the provided prompt

    Args:
        idempotency_key (str | Unset):
        body (LumaGenerationRequest): The generation request object

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LumaError | LumaGeneration
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
