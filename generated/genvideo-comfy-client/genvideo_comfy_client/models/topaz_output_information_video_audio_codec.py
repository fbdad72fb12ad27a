from enum import StrEnum


class TopazOutputInformationVideoAudioCodec(StrEnum):
    AAC = "AAC"
    AC3 = "AC3"
    PCM = "PCM"

    def __str__(self) -> str:
        return str(self.value)
