from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.wavespeed_task_result_response import WavespeedTaskResultResponse
from ...types import Response


def _get_kwargs(
    prediction_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/proxy/wavespeed/api/v3/predictions/{prediction_id}/result".format(
            prediction_id=quote(str(prediction_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | WavespeedTaskResultResponse | None:
    if response.status_code == 200:
        response_200 = WavespeedTaskResultResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

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
) -> Response[Any | ErrorResponse | WavespeedTaskResultResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    prediction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse | WavespeedTaskResultResponse]:
    """Get FlashVSR task result

     Retrieve the status and result of a FlashVSR video upscaling task.

    Poll this endpoint until status is "completed" or "failed".

    Status values:
    - `created` - Task has been created
    - `processing` - Task is being processed
    - `completed` - Task completed successfully, outputs array contains result URLs
    - `failed` - Task failed, check error field for details

    Args:
        prediction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | WavespeedTaskResultResponse]
    """

    kwargs = _get_kwargs(
        prediction_id=prediction_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prediction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | WavespeedTaskResultResponse | None:
    """Get FlashVSR task result

     Retrieve the status and result of a FlashVSR video upscaling task.

    Poll this endpoint until status is "completed" or "failed".

    Status values:
    - `created` - Task has been created
    - `processing` - Task is being processed
    - `completed` - Task completed successfully, outputs array contains result URLs
    - `failed` - Task failed, check error field for details

    Args:
        prediction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | WavespeedTaskResultResponse
    """

    return sync_detailed(
        prediction_id=prediction_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    prediction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse | WavespeedTaskResultResponse]:
    """Get FlashVSR task result

     Retrieve the status and result of a FlashVSR video upscaling task.

    Poll this endpoint until status is "completed" or "failed".

    Status values:
    - `created` - Task has been created
    - `processing` - Task is being processed
    - `completed` - Task completed successfully, outputs array contains result URLs
    - `failed` - Task failed, check error field for details

    Args:
        prediction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | WavespeedTaskResultResponse]
    """

    kwargs = _get_kwargs(
        prediction_id=prediction_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prediction_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | WavespeedTaskResultResponse | None:
    """Get FlashVSR task result

     Retrieve the status and result of a FlashVSR video upscaling task.

    Poll this endpoint until status is "completed" or "failed".

    Status values:
    - `created` - Task has been created
    - `processing` - Task is being processed
    - `completed` - Task completed successfully, outputs array contains result URLs
    - `failed` - Task failed, check error field for details

    Args:
        prediction_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | WavespeedTaskResultResponse
    """

    return (
        await asyncio_detailed(
            prediction_id=prediction_id,
            client=client,
        )
    ).parsed
