from enum import StrEnum


class LumaUpscaleVideoGenerationRequestGenerationType(StrEnum):
    UPSCALE_VIDEO = "upscale_video"

    def __str__(self) -> str:
        return str(self.value)
