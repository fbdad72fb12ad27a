from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.topaz_video_complete_upload_request import TopazVideoCompleteUploadRequest
from ...models.topaz_video_complete_upload_response import TopazVideoCompleteUploadResponse
from ...types import Response


def _get_kwargs(
    request_id: UUID,
    *,
    body: TopazVideoCompleteUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/proxy/topaz/video/{request_id}/complete-upload".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TopazVideoCompleteUploadResponse:
    if response.status_code == 202:
        response_202 = TopazVideoCompleteUploadResponse.from_dict(response.json())

        return response_202

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TopazVideoCompleteUploadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TopazVideoCompleteUploadRequest,
) -> Response[Error | TopazVideoCompleteUploadResponse]:
    """Complete Video Upload

     Send metadata of the multi-part uploads to complete the upload and begin processing the video.

    Optionally include the MD5 hash of the source video file to validate successful upload before
    processing.

    Args:
        request_id (UUID):
        body (TopazVideoCompleteUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TopazVideoCompleteUploadResponse]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TopazVideoCompleteUploadRequest,
) -> Error | TopazVideoCompleteUploadResponse | None:
    """Complete Video Upload

     Send metadata of the multi-part uploads to complete the upload and begin processing the video.

    Optionally include the MD5 hash of the source video file to validate successful upload before
    processing.

    Args:
        request_id (UUID):
        body (TopazVideoCompleteUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TopazVideoCompleteUploadResponse
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    request_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TopazVideoCompleteUploadRequest,
) -> Response[Error | TopazVideoCompleteUploadResponse]:
    """Complete Video Upload

     Send metadata of the multi-part uploads to complete the upload and begin processing the video.

    Optionally include the MD5 hash of the source video file to validate successful upload before
    processing.

    Args:
        request_id (UUID):
        body (TopazVideoCompleteUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TopazVideoCompleteUploadResponse]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: TopazVideoCompleteUploadRequest,
) -> Error | TopazVideoCompleteUploadResponse | None:
    """Complete Video Upload

     Send metadata of the multi-part uploads to complete the upload and begin processing the video.

    Optionally include the MD5 hash of the source video file to validate successful upload before
    processing.

    Args:
        request_id (UUID):
        body (TopazVideoCompleteUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TopazVideoCompleteUploadResponse
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
        )
    ).parsed
