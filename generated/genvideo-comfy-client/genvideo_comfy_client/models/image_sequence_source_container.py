from enum import StrEnum


class ImageSequenceSourceContainer(StrEnum):
    DPX = "DPX"
    EXR = "EXR"
    JPEG = "JPEG"
    PNG = "PNG"
    TIFF = "TIFF"

    def __str__(self) -> str:
        return str(self.value)
