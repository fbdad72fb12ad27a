from enum import StrEnum


class TopazVideoEnhancementFilterAuto(StrEnum):
    AUTO = "Auto"
    MANUAL = "Manual"
    RELATIVE = "Relative"

    def __str__(self) -> str:
        return str(self.value)
