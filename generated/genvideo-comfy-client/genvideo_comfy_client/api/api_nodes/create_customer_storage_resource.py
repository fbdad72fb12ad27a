from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_customer_storage_resource_body import CreateCustomerStorageResourceBody
from ...models.customer_storage_resource_response import CustomerStorageResourceResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateCustomerStorageResourceBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/customers/storage",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CustomerStorageResourceResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CustomerStorageResourceResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | CustomerStorageResourceResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerStorageResourceBody,
) -> Response[Any | CustomerStorageResourceResponse | ErrorResponse]:
    """Store a resource for a customer

     Store a resource for a customer. Resource will have a 24 hour expiry. The signed URL will be
    generated for the specified file path.

    Args:
        body (CreateCustomerStorageResourceBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CustomerStorageResourceResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerStorageResourceBody,
) -> Any | CustomerStorageResourceResponse | ErrorResponse | None:
    """Store a resource for a customer

     Store a resource for a customer. Resource will have a 24 hour expiry. The signed URL will be
    generated for the specified file path.

    Args:
        body (CreateCustomerStorageResourceBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CustomerStorageResourceResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerStorageResourceBody,
) -> Response[Any | CustomerStorageResourceResponse | ErrorResponse]:
    """Store a resource for a customer

     Store a resource for a customer. Resource will have a 24 hour expiry. The signed URL will be
    generated for the specified file path.

    Args:
        body (CreateCustomerStorageResourceBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CustomerStorageResourceResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCustomerStorageResourceBody,
) -> Any | CustomerStorageResourceResponse | ErrorResponse | None:
    """Store a resource for a customer

     Store a resource for a customer. Resource will have a 24 hour expiry. The signed URL will be
    generated for the specified file path.

    Args:
        body (CreateCustomerStorageResourceBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CustomerStorageResourceResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
