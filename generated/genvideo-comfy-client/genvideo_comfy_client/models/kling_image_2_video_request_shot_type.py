from enum import StrEnum


class KlingImage2VideoRequestShotType(StrEnum):
    CUSTOMIZE = "customize"

    def __str__(self) -> str:
        return str(self.value)
