from enum import StrEnum


class LumaVideoModelOutputResolutionType0(StrEnum):
    VALUE_0 = "540p"
    VALUE_1 = "720p"
    VALUE_2 = "1080p"
    VALUE_3 = "4k"

    def __str__(self) -> str:
        return str(self.value)
