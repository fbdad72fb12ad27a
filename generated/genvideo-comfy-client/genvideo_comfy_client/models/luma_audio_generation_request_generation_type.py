from enum import StrEnum


class LumaAudioGenerationRequestGenerationType(StrEnum):
    ADD_AUDIO = "add_audio"

    def __str__(self) -> str:
        return str(self.value)
