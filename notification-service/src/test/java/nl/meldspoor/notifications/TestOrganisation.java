package nl.meldspoor.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.notifications.calendar.SchoolCalendar;
import nl.meldspoor.notifications.calendar.SchoolHolidayProperties;
import nl.meldspoor.notifications.calendar.SchoolHolidayProperties.Period;
import nl.meldspoor.notifications.organisation.OrganisationProperties;
import nl.meldspoor.notifications.organisation.OrganisationProperties.Cluster;
import nl.meldspoor.notifications.organisation.OrganisationProperties.Person;
import nl.meldspoor.notifications.organisation.OrganisationProperties.School;
import nl.meldspoor.notifications.organisation.Recipients;
import nl.meldspoor.notifications.organisation.Region;
import nl.meldspoor.notifications.organisation.Staff;

/** A small board for unit tests: school-a in the north, school-d in the south, with their holidays. */
public final class TestOrganisation {

    private TestOrganisation() {
    }

    public static Staff staff() {
        return new Staff(new OrganisationProperties(new OrganisationProperties.Unit("bestuur", "Bestuur"),
                List.of(new Cluster("cluster", "Cluster", List.of(
                        new School("school-a", "OBS De Vlinder", Region.NOORD, List.of("school-b")),
                        new School("school-b", "CBS De Regenboog", Region.NOORD, List.of()),
                        new School("school-d", "IKC Het Kompas", Region.ZUID, List.of())))),
                Map.of("ib-a", new Person("IB", "ib-a@vlinder.example"), "dir-a", new Person("Directeur", "dir-a@vlinder.example"),
                        "af-b", new Person("AF", ""))));
    }

    /**
     * The staff directory of that board: ib-a, af-a and dir-a at school-a (school-b's AF, af-b, advises it too), ib-d
     * and dir-d at school-d, bo-bestuur for the board.
     */
    public static FakeStaffDirectory directory() {
        return new FakeStaffDirectory()
                .grant("ib-a", Role.CARE_COORDINATOR, "school-a").grant("af-a", Role.ADVISOR, "school-a").grant("dir-a", Role.PRINCIPAL, "school-a")
                .grant("lk-a", Role.TEACHER, "school-a").grant("af-b", Role.ADVISOR, "school-b").grant("ib-b", Role.CARE_COORDINATOR, "school-b")
                .grant("ib-d", Role.CARE_COORDINATOR, "school-d").grant("dir-d", Role.PRINCIPAL, "school-d")
                .grant("bo-bestuur", Role.BOARD_OFFICER, StaffScope.BOARD);
    }

    public static Recipients recipients(FakeStaffDirectory directory, Clock clock) {
        return new Recipients(directory, staff(), clock);
    }

    public static SchoolHolidayProperties holidays() {
        return new SchoolHolidayProperties(Map.of(
                Region.NOORD, List.of(
                        new Period("Herfstvakantie", LocalDate.parse("2025-10-18"), LocalDate.parse("2025-10-26")),
                        new Period("Meivakantie", LocalDate.parse("2026-04-25"), LocalDate.parse("2026-05-03")),
                        new Period("Herfstvakantie", LocalDate.parse("2026-10-17"), LocalDate.parse("2026-10-25")),
                        new Period("Kerstvakantie", LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-03"))),
                Region.ZUID, List.of(
                        new Period("Herfstvakantie", LocalDate.parse("2025-10-11"), LocalDate.parse("2025-10-19")))));
    }

    public static SchoolCalendar calendar() {
        return new SchoolCalendar(WorkingDays.dutch(), holidays(), staff(), LocalTime.of(8, 0));
    }
}
