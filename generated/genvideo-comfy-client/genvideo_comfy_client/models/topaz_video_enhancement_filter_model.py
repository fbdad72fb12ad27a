from enum import StrEnum


class TopazVideoEnhancementFilterModel(StrEnum):
    AAA_9 = "aaa-9"
    AHQ_12 = "ahq-12"
    ALQS_2 = "alqs-2"
    ALQ_13 = "alq-13"
    AMQS_2 = "amqs-2"
    AMQ_13 = "amq-13"
    DDV_3 = "ddv-3"
    DTDS_2 = "dtds-2"
    DTD_4 = "dtd-4"
    DTVS_2 = "dtvs-2"
    DTV_4 = "dtv-4"
    GCG_5 = "gcg-5"
    GHQ_5 = "ghq-5"
    IRIS_2 = "iris-2"
    IRIS_3 = "iris-3"
    NXF_1 = "nxf-1"
    NYX_3 = "nyx-3"
    PROB_4 = "prob-4"
    RHEA_1 = "rhea-1"
    RXL_1 = "rxl-1"
    SLC_1 = "slc-1"
    SLF_1 = "slf-1"
    THD_3 = "thd-3"
    THF_4 = "thf-4"
    THM_2 = "thm-2"

    def __str__(self) -> str:
        return str(self.value)
