from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.creation_detail import CreationDetail
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    creation_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/creation/{creation_id}".format(
            creation_id=quote(str(creation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreationDetail | Error | None:
    if response.status_code == 200:
        response_200 = CreationDetail.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreationDetail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    creation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CreationDetail | Error]:
    """You need to call the Get Creation Status API to check the status of the creation first. If the
    status is 'succeed', you can then call this API to retrieve the details of the creation.

    Args:
        creation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreationDetail | Error]
    """

    kwargs = _get_kwargs(
        creation_id=creation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    creation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CreationDetail | Error | None:
    """You need to call the Get Creation Status API to check the status of the creation first. If the
    status is 'succeed', you can then call this API to retrieve the details of the creation.

    Args:
        creation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreationDetail | Error
    """

    return sync_detailed(
        creation_id=creation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    creation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[CreationDetail | Error]:
    """You need to call the Get Creation Status API to check the status of the creation first. If the
    status is 'succeed', you can then call this API to retrieve the details of the creation.

    Args:
        creation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreationDetail | Error]
    """

    kwargs = _get_kwargs(
        creation_id=creation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    creation_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> CreationDetail | Error | None:
    """You need to call the Get Creation Status API to check the status of the creation first. If the
    status is 'succeed', you can then call this API to retrieve the details of the creation.

    Args:
        creation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreationDetail | Error
    """

    return (
        await asyncio_detailed(
            creation_id=creation_id,
            client=client,
        )
    ).parsed
