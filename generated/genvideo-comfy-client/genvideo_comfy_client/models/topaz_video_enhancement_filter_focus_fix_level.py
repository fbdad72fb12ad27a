from enum import StrEnum


class TopazVideoEnhancementFilterFocusFixLevel(StrEnum):
    NONE = "None"
    NORMAL = "Normal"
    STRONG = "Strong"

    def __str__(self) -> str:
        return str(self.value)
