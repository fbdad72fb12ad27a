from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pika_body_generate_22t2v import PikaBodyGenerate22T2V
from ...models.pika_generate_response import PikaGenerateResponse
from ...models.pika_http_validation_error import PikaHTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PikaBodyGenerate22T2V,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/pika/generate/2.2/t2v",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PikaGenerateResponse | PikaHTTPValidationError | None:
    if response.status_code == 200:
        response_200 = PikaGenerateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = PikaHTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PikaGenerateResponse | PikaHTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PikaBodyGenerate22T2V,
    idempotency_key: str | Unset = UNSET,
) -> Response[PikaGenerateResponse | PikaHTTPValidationError]:
    """Generate 2 2 T2V

    Args:
        idempotency_key (str | Unset):
        body (PikaBodyGenerate22T2V):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PikaGenerateResponse | PikaHTTPValidationError]
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
    body: PikaBodyGenerate22T2V,
    idempotency_key: str | Unset = UNSET,
) -> PikaGenerateResponse | PikaHTTPValidationError | None:
    """Generate 2 2 T2V

    Args:
        idempotency_key (str | Unset):
        body (PikaBodyGenerate22T2V):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PikaGenerateResponse | PikaHTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PikaBodyGenerate22T2V,
    idempotency_key: str | Unset = UNSET,
) -> Response[PikaGenerateResponse | PikaHTTPValidationError]:
    """Generate 2 2 T2V

    Args:
        idempotency_key (str | Unset):
        body (PikaBodyGenerate22T2V):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PikaGenerateResponse | PikaHTTPValidationError]
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
    body: PikaBodyGenerate22T2V,
    idempotency_key: str | Unset = UNSET,
) -> PikaGenerateResponse | PikaHTTPValidationError | None:
    """Generate 2 2 T2V

    Args:
        idempotency_key (str | Unset):
        body (PikaBodyGenerate22T2V):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PikaGenerateResponse | PikaHTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
