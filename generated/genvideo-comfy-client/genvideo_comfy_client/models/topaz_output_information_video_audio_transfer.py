from enum import StrEnum


class TopazOutputInformationVideoAudioTransfer(StrEnum):
    CONVERT = "Convert"
    COPY = "Copy"
    NONE = "None"

    def __str__(self) -> str:
        return str(self.value)
