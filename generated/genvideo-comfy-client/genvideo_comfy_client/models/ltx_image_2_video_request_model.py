from enum import StrEnum


class LTXImage2VideoRequestModel(StrEnum):
    LTX_2_FAST = "ltx-2-fast"
    LTX_2_PRO = "ltx-2-pro"

    def __str__(self) -> str:
        return str(self.value)
