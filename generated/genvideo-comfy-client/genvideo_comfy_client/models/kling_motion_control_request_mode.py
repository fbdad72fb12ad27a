from enum import StrEnum


class KlingMotionControlRequestMode(StrEnum):
    PRO = "pro"
    STD = "std"

    def __str__(self) -> str:
        return str(self.value)
