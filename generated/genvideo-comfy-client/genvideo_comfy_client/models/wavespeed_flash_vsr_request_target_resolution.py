from enum import StrEnum


class WavespeedFlashVSRRequestTargetResolution(StrEnum):
    VALUE_0 = "720p"
    VALUE_1 = "1080p"
    VALUE_2 = "2k"
    VALUE_3 = "4k"

    def __str__(self) -> str:
        return str(self.value)
