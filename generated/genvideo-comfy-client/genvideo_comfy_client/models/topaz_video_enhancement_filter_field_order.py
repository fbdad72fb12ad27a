from enum import StrEnum


class TopazVideoEnhancementFilterFieldOrder(StrEnum):
    AUTO = "Auto"
    BOTTOMFIRST = "BottomFirst"
    TOPFIRST = "TopFirst"

    def __str__(self) -> str:
        return str(self.value)
