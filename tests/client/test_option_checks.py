"""``check_fields`` on shapes the generator makes: a oneOf of objects, uuid and date-time strings.

The models here are attrs classes like openapi-python-client's (unit-level: the generated Comfy models
with these shapes are exercised through each provider's tests).
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import attrs
import pytest

from genvideo import InvalidOption
from genvideo._options import check_fields


@attrs.define
class ImageFrame:
    type_: str
    url: str


@attrs.define
class GenerationFrame:
    type_: str
    id: uuid.UUID


@attrs.define
class Request:
    frame: ImageFrame | GenerationFrame | None = None
    at: datetime.datetime | None = None
    extra: dict[str, Any] | None = None


def test_a_value_fitting_the_second_object_of_a_one_of_is_accepted() -> None:
    check_fields({"frame": {"type": "image", "url": "https://x.test/a.png"}}, Request)
    check_fields({"frame": {"type": "generation", "id": str(uuid.uuid4())}}, Request)


def test_a_value_fitting_no_object_names_the_first_ones_complaint() -> None:
    with pytest.raises(InvalidOption) as info:
        check_fields({"frame": {"type": "generation", "id": 7}}, Request)
    assert info.value.option.startswith("frame.")


@pytest.mark.parametrize(
    ("values", "accepted"),
    [
        ({"frame": {"type": "generation", "id": "not-a-uuid"}}, False),
        ({"at": "2026-12-04T17:00:00+00:00"}, True),
        ({"at": "yesterday"}, False),
        ({"at": 1733331600}, False),
        ({"extra": {"anything": [1, 2]}}, True),
        ({"extra": ["not", "an", "object"]}, False),
    ],
)
def test_string_formats_and_free_objects(values: dict[str, Any], accepted: bool) -> None:
    if accepted:
        check_fields(values, Request)
        return
    with pytest.raises(InvalidOption) as info:
        check_fields(values, Request)
    assert info.value.option.split(".")[0] in values
