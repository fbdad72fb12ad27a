from enum import StrEnum


class KlingVideoGenMode(StrEnum):
    PRO = "pro"
    STD = "std"

    def __str__(self) -> str:
        return str(self.value)
