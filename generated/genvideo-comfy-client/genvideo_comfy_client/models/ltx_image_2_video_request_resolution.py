from enum import StrEnum


class LTXImage2VideoRequestResolution(StrEnum):
    VALUE_0 = "1920x1080"
    VALUE_1 = "2560x1440"
    VALUE_2 = "3840x2160"

    def __str__(self) -> str:
        return str(self.value)
