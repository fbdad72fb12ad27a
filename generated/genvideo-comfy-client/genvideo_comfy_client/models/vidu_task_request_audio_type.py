from enum import StrEnum


class ViduTaskRequestAudioType(StrEnum):
    ALL = "all"
    SOUND_EFFECT_ONLY = "sound_effect_only"
    SPEECH_ONLY = "speech_only"

    def __str__(self) -> str:
        return str(self.value)
