from enum import StrEnum


class KlingMotionControlRequestModelName(StrEnum):
    KLING_V2_6 = "kling-v2-6"
    KLING_V3 = "kling-v3"

    def __str__(self) -> str:
        return str(self.value)
