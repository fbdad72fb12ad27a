from enum import StrEnum


class KlingText2VideoRequestSound(StrEnum):
    OFF = "off"
    ON = "on"

    def __str__(self) -> str:
        return str(self.value)
