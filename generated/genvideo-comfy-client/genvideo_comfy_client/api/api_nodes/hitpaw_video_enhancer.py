from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hit_paw_error_response import HitPawErrorResponse
from ...models.hit_paw_job_response import HitPawJobResponse
from ...models.hit_paw_video_enhancer_request import HitPawVideoEnhancerRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: HitPawVideoEnhancerRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/proxy/hitpaw/api/video-enhancer",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | HitPawErrorResponse | HitPawJobResponse | None:
    if response.status_code == 200:
        response_200 = HitPawJobResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = HitPawErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 402:
        response_402 = HitPawErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 500:
        response_500 = HitPawErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | HitPawErrorResponse | HitPawJobResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HitPawVideoEnhancerRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | HitPawErrorResponse | HitPawJobResponse]:
    """Submit HitPaw Video Enhancement Task

     Submit a video processing task using HitPaw Video Enhancement API.
    Uses AI technology to upscale low-resolution videos to high resolution,
    eliminate artifacts and noise, and improve clarity and details.

    The returned job_id can be used with the task-status endpoint to check processing results.

    **Video Constraints:**
    - Duration: 0.5 seconds to 1 hour
    - Maximum output resolution: 36 MP (Total Pixels)
    - Supported input formats: dv, mlv, m2ts, m2t, m2v, nut, ser, 3g2, 3gp, asf, divx, f4v, h261, h263,
    m4v, mkv, mov, mp4, mpeg, mpeg4, mpg, mxf, ogv, rm, rmvb, webm, wmv, dmsm, dvdmedia, dvr-ms, mts,
    trp, ts, vob, vro, gif, xvid
    - Supported output formats: mp4, mov, mkv, m4v, avi, gif

    Args:
        idempotency_key (str | Unset):
        body (HitPawVideoEnhancerRequest): Request body for HitPaw Video Enhancement API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HitPawErrorResponse | HitPawJobResponse]
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
    body: HitPawVideoEnhancerRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | HitPawErrorResponse | HitPawJobResponse | None:
    """Submit HitPaw Video Enhancement Task

     Submit a video processing task using HitPaw Video Enhancement API.
    Uses AI technology to upscale low-resolution videos to high resolution,
    eliminate artifacts and noise, and improve clarity and details.

    The returned job_id can be used with the task-status endpoint to check processing results.

    **Video Constraints:**
    - Duration: 0.5 seconds to 1 hour
    - Maximum output resolution: 36 MP (Total Pixels)
    - Supported input formats: dv, mlv, m2ts, m2t, m2v, nut, ser, 3g2, 3gp, asf, divx, f4v, h261, h263,
    m4v, mkv, mov, mp4, mpeg, mpeg4, mpg, mxf, ogv, rm, rmvb, webm, wmv, dmsm, dvdmedia, dvr-ms, mts,
    trp, ts, vob, vro, gif, xvid
    - Supported output formats: mp4, mov, mkv, m4v, avi, gif

    Args:
        idempotency_key (str | Unset):
        body (HitPawVideoEnhancerRequest): Request body for HitPaw Video Enhancement API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HitPawErrorResponse | HitPawJobResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HitPawVideoEnhancerRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | HitPawErrorResponse | HitPawJobResponse]:
    """Submit HitPaw Video Enhancement Task

     Submit a video processing task using HitPaw Video Enhancement API.
    Uses AI technology to upscale low-resolution videos to high resolution,
    eliminate artifacts and noise, and improve clarity and details.

    The returned job_id can be used with the task-status endpoint to check processing results.

    **Video Constraints:**
    - Duration: 0.5 seconds to 1 hour
    - Maximum output resolution: 36 MP (Total Pixels)
    - Supported input formats: dv, mlv, m2ts, m2t, m2v, nut, ser, 3g2, 3gp, asf, divx, f4v, h261, h263,
    m4v, mkv, mov, mp4, mpeg, mpeg4, mpg, mxf, ogv, rm, rmvb, webm, wmv, dmsm, dvdmedia, dvr-ms, mts,
    trp, ts, vob, vro, gif, xvid
    - Supported output formats: mp4, mov, mkv, m4v, avi, gif

    Args:
        idempotency_key (str | Unset):
        body (HitPawVideoEnhancerRequest): Request body for HitPaw Video Enhancement API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HitPawErrorResponse | HitPawJobResponse]
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
    body: HitPawVideoEnhancerRequest,
    idempotency_key: str | Unset = UNSET,
) -> Any | HitPawErrorResponse | HitPawJobResponse | None:
    """Submit HitPaw Video Enhancement Task

     Submit a video processing task using HitPaw Video Enhancement API.
    Uses AI technology to upscale low-resolution videos to high resolution,
    eliminate artifacts and noise, and improve clarity and details.

    The returned job_id can be used with the task-status endpoint to check processing results.

    **Video Constraints:**
    - Duration: 0.5 seconds to 1 hour
    - Maximum output resolution: 36 MP (Total Pixels)
    - Supported input formats: dv, mlv, m2ts, m2t, m2v, nut, ser, 3g2, 3gp, asf, divx, f4v, h261, h263,
    m4v, mkv, mov, mp4, mpeg, mpeg4, mpg, mxf, ogv, rm, rmvb, webm, wmv, dmsm, dvdmedia, dvr-ms, mts,
    trp, ts, vob, vro, gif, xvid
    - Supported output formats: mp4, mov, mkv, m4v, avi, gif

    Args:
        idempotency_key (str | Unset):
        body (HitPawVideoEnhancerRequest): Request body for HitPaw Video Enhancement API

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HitPawErrorResponse | HitPawJobResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
