from enum import StrEnum


class TopazOutputInformationImageSequenceVideoEncoder(StrEnum):
    DPX = "DPX"
    EXR = "EXR"
    JPEG = "JPEG"
    PNG = "PNG"
    TIFF = "TIFF"

    def __str__(self) -> str:
        return str(self.value)
