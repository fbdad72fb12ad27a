from enum import IntEnum


class LTXImage2VideoRequestFps(IntEnum):
    VALUE_25 = 25
    VALUE_50 = 50

    def __str__(self) -> str:
        return str(self.value)
