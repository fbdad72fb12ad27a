from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.kling_error_response import KlingErrorResponse
from ...models.kling_motion_control_response import KlingMotionControlResponse
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/proxy/kling/v1/videos/motion-control/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse | None:
    if response.status_code == 200:
        response_200 = KlingMotionControlResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = KlingErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:

        def _parse_response_401(data: object) -> ErrorResponse | KlingErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_401_type_0 = KlingErrorResponse.from_dict(data)

                return response_401_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_401_type_1 = ErrorResponse.from_dict(data)

            return response_401_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = KlingErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = KlingErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = KlingErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = KlingErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = KlingErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = KlingErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse]:
    """KlingAI Query Single Motion Control Task

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse | None:
    """KlingAI Query Single Motion Control Task

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse]:
    """KlingAI Query Single Motion Control Task

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse | None:
    """KlingAI Query Single Motion Control Task

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KlingErrorResponse | KlingErrorResponse | KlingMotionControlResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
