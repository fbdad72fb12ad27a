from enum import StrEnum


class OpenAIVideoCreateRequestModel(StrEnum):
    SORA_2 = "sora-2"
    SORA_2_PRO = "sora-2-pro"

    def __str__(self) -> str:
        return str(self.value)
