from enum import StrEnum


class TopazOutputInformationImageSequenceContainer(StrEnum):
    DPX = "DPX"
    EXR = "EXR"
    JPEG = "JPEG"
    PNG = "PNG"
    TIFF = "TIFF"

    def __str__(self) -> str:
        return str(self.value)
