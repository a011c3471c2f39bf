package nl.meldspoor.api.common;

/**
 * The roles a person can hold at a school (DOMAIN.md §1). A person may hold several, per school.
 */
public enum Role {
    /** leerkracht */
    TEACHER,
    /** intern begeleider / zorgcoördinator: casemanager of meldcode cases */
    CARE_COORDINATOR,
    /** aandachtsfunctionaris huiselijk geweld en kindermishandeling */
    ADVISOR,
    /** directeur / schoolleiding: end-responsible for the dossier */
    PRINCIPAL,
    /** interne contactpersoon / vertrouwenspersoon */
    CONFIDANT,
    /** clusterdirectie: aggregates only */
    CLUSTER_DIRECTOR,
    /** centrale contactpersoon meldcode / bestuur */
    BOARD_OFFICER,
    /** kwaliteitszorg / inspectie: read-only, time-boxed */
    AUDITOR
}
