package nl.meldspoor.api.staff;

import nl.meldspoor.api.common.Role;

/**
 * Where a role is held: a school id for the roles at a school, a cluster id for a clusterdirectie,
 * {@value #BOARD} for the board-wide roles. An auditor works for one school or for the whole board.
 */
public final class StaffScope {

    public static final String BOARD = "board";

    private StaffScope() {
    }

    /** The staff member's aggregate id: the person id in a namespace of its own. */
    public static String staffMemberId(String personId) {
        return "staff:" + personId;
    }

    public static boolean isBoard(String scope) {
        return BOARD.equals(scope);
    }

    /** What kind of scope a role needs, in the words of the staff directory's rules. */
    public static ScopeKind kindFor(Role role) {
        return switch (role) {
            case CLUSTER_DIRECTOR -> ScopeKind.CLUSTER;
            case BOARD_OFFICER -> ScopeKind.BOARD;
            case AUDITOR -> ScopeKind.SCHOOL_OR_BOARD;
            default -> ScopeKind.SCHOOL;
        };
    }

    public enum ScopeKind {
        SCHOOL, CLUSTER, BOARD, SCHOOL_OR_BOARD
    }
}
