from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hit_paw_error_response import HitPawErrorResponse
from ...models.hit_paw_task_status_request import HitPawTaskStatusRequest
from ...models.hit_paw_task_status_response import HitPawTaskStatusResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: HitPawTaskStatusRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/hitpaw/api/task-status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HitPawErrorResponse | HitPawTaskStatusResponse | None:
    if response.status_code == 200:
        response_200 = HitPawTaskStatusResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = HitPawErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 500:
        response_500 = HitPawErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HitPawErrorResponse | HitPawTaskStatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HitPawTaskStatusRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | HitPawErrorResponse | HitPawTaskStatusResponse]:
    """Query HitPaw Task Status

     Query the status and result of a previously submitted photo or video enhancement task.
    Poll this endpoint until the task status indicates completion (COMPLETED).

    **Status Codes:**
    - CONVERTING: Job is currently being processed
    - COMPLETED: Job has completed successfully, result is available
    - ERROR: Job failed due to an error

    Args:
        idempotency_key (str | Unset):
        body (HitPawTaskStatusRequest): Request body for HitPaw Task Status Query API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HitPawErrorResponse | HitPawTaskStatusResponse]
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
    body: HitPawTaskStatusRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | HitPawErrorResponse | HitPawTaskStatusResponse | None:
    """Query HitPaw Task Status

     Query the status and result of a previously submitted photo or video enhancement task.
    Poll this endpoint until the task status indicates completion (COMPLETED).

    **Status Codes:**
    - CONVERTING: Job is currently being processed
    - COMPLETED: Job has completed successfully, result is available
    - ERROR: Job failed due to an error

    Args:
        idempotency_key (str | Unset):
        body (HitPawTaskStatusRequest): Request body for HitPaw Task Status Query API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HitPawErrorResponse | HitPawTaskStatusResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HitPawTaskStatusRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | HitPawErrorResponse | HitPawTaskStatusResponse]:
    """Query HitPaw Task Status

     Query the status and result of a previously submitted photo or video enhancement task.
    Poll this endpoint until the task status indicates completion (COMPLETED).

    **Status Codes:**
    - CONVERTING: Job is currently being processed
    - COMPLETED: Job has completed successfully, result is available
    - ERROR: Job failed due to an error

    Args:
        idempotency_key (str | Unset):
        body (HitPawTaskStatusRequest): Request body for HitPaw Task Status Query API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HitPawErrorResponse | HitPawTaskStatusResponse]
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
    body: HitPawTaskStatusRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | HitPawErrorResponse | HitPawTaskStatusResponse | None:
    """Query HitPaw Task Status

     Query the status and result of a previously submitted photo or video enhancement task.
    Poll this endpoint until the task status indicates completion (COMPLETED).

    **Status Codes:**
    - CONVERTING: Job is currently being processed
    - COMPLETED: Job has completed successfully, result is available
    - ERROR: Job failed due to an error

    Args:
        idempotency_key (str | Unset):
        body (HitPawTaskStatusRequest): Request body for HitPaw Task Status Query API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HitPawErrorResponse | HitPawTaskStatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
