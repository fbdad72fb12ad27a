from enum import StrEnum


class KlingImage2VideoRequestSound(StrEnum):
    OFF = "off"
    ON = "on"

    def __str__(self) -> str:
        return str(self.value)
