package nl.meldspoor.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffScope;

/**
 * The demo board's staff: for every school an IB'er, a principal, a teacher, an aandachtsfunctionaris
 * and a vertrouwenspersoon; a clusterdirecteur per cluster; the board's contact person; an auditor
 * for three months; and the board administrator who keeps the staff directory. Each can get a token
 * from the local issuer with their person id and the password {@value #PASSWORD}.
 */
public final class DemoStaff {

    public static final String ADMINISTRATOR = "beheer-bestuur";
    public static final String PASSWORD = "demo";
    /**
     * Can sign in but holds no demo role: the access-matrix test gives this person an auditor's grant whose end date
     * has passed, as the staff directory holds it months after the grant.
     */
    public static final String EXPIRED_AUDITOR = "audit-verlopen";
    public static final List<String> SCHOOLS = List.of("school-a", "school-b", "school-c", "school-d", "school-e");

    /** One role of one demo person. */
    public record Grant(String personId, Role role, String scope, LocalDate validUntil) {
    }

    private DemoStaff() {
    }

    public static List<Grant> grants(LocalDate today) {
        List<Grant> grants = new ArrayList<>();
        for (String school : SCHOOLS) {
            String letter = school.substring(school.length() - 1);
            grants.add(new Grant("ib-" + letter, Role.CARE_COORDINATOR, school, null));
            grants.add(new Grant("dir-" + letter, Role.PRINCIPAL, school, null));
            grants.add(new Grant("lk-" + letter, Role.TEACHER, school, null));
            grants.add(new Grant("af-" + letter, Role.ADVISOR, school, null));
            grants.add(new Grant("icp-" + letter, Role.CONFIDANT, school, null));
        }
        grants.add(new Grant("cd-noord", Role.CLUSTER_DIRECTOR, "cluster-noord", null));
        grants.add(new Grant("cd-zuid", Role.CLUSTER_DIRECTOR, "cluster-zuid", null));
        grants.add(new Grant("bo-bestuur", Role.BOARD_OFFICER, StaffScope.BOARD, null));
        grants.add(new Grant("audit-inspectie", Role.AUDITOR, StaffScope.BOARD, today.plusMonths(3)));
        return grants;
    }

    /** Everyone who can sign in locally: the staff and the administrator. */
    public static List<String> people() {
        List<String> people = new ArrayList<>(grants(LocalDate.now()).stream().map(Grant::personId).distinct().toList());
        people.add(ADMINISTRATOR);
        people.add(EXPIRED_AUDITOR);
        return people;
    }
}
