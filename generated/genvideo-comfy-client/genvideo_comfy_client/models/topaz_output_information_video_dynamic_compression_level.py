from enum import StrEnum


class TopazOutputInformationVideoDynamicCompressionLevel(StrEnum):
    HIGH = "High"
    LOW = "Low"
    MID = "Mid"

    def __str__(self) -> str:
        return str(self.value)
