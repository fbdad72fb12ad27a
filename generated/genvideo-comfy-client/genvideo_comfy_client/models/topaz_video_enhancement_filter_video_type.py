from enum import StrEnum


class TopazVideoEnhancementFilterVideoType(StrEnum):
    INTERLACED = "Interlaced"
    PROGRESSIVE = "Progressive"
    PROGRESSIVEINTERLACED = "ProgressiveInterlaced"

    def __str__(self) -> str:
        return str(self.value)
