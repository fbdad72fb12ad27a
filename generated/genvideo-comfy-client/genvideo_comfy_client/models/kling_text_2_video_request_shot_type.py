from enum import StrEnum


class KlingText2VideoRequestShotType(StrEnum):
    CUSTOMIZE = "customize"

    def __str__(self) -> str:
        return str(self.value)
