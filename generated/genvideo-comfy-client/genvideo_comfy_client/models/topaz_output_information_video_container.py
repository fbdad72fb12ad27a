from enum import StrEnum


class TopazOutputInformationVideoContainer(StrEnum):
    MKV = "mkv"
    MOV = "mov"
    MP4 = "mp4"

    def __str__(self) -> str:
        return str(self.value)
