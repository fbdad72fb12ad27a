from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.moonvalley_prompt_response import MoonvalleyPromptResponse
from ...models.moonvalley_video_to_video_request import MoonvalleyVideoToVideoRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MoonvalleyVideoToVideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/moonvalley/prompts/video-to-video",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MoonvalleyPromptResponse | None:
    if response.status_code == 201:
        response_201 = MoonvalleyPromptResponse.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MoonvalleyPromptResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MoonvalleyVideoToVideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[MoonvalleyPromptResponse]:
    """Create Video to Video Prompt

    Args:
        idempotency_key (str | Unset):
        body (MoonvalleyVideoToVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoonvalleyPromptResponse]
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
    body: MoonvalleyVideoToVideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> MoonvalleyPromptResponse | None:
    """Create Video to Video Prompt

    Args:
        idempotency_key (str | Unset):
        body (MoonvalleyVideoToVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoonvalleyPromptResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MoonvalleyVideoToVideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[MoonvalleyPromptResponse]:
    """Create Video to Video Prompt

    Args:
        idempotency_key (str | Unset):
        body (MoonvalleyVideoToVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoonvalleyPromptResponse]
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
    body: MoonvalleyVideoToVideoRequest,
    idempotency_key: str | Unset = UNSET,
) -> MoonvalleyPromptResponse | None:
    """Create Video to Video Prompt

    Args:
        idempotency_key (str | Unset):
        body (MoonvalleyVideoToVideoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoonvalleyPromptResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
