from enum import StrEnum


class PixverseTextVideoRequestQuality(StrEnum):
    VALUE_0 = "360p"
    VALUE_1 = "540p"
    VALUE_2 = "720p"
    VALUE_3 = "1080p"

    def __str__(self) -> str:
        return str(self.value)
