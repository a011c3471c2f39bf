package nl.meldspoor.notifications;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.notifications.calendar.SchoolCalendar;
import nl.meldspoor.notifications.calendar.SchoolHolidayProperties;
import nl.meldspoor.notifications.calendar.SchoolHolidayProperties.Period;
import nl.meldspoor.notifications.organisation.OrganisationProperties;
import nl.meldspoor.notifications.organisation.OrganisationProperties.Cluster;
import nl.meldspoor.notifications.organisation.OrganisationProperties.Person;
import nl.meldspoor.notifications.organisation.OrganisationProperties.School;
import nl.meldspoor.notifications.organisation.Region;
import nl.meldspoor.notifications.organisation.Staff;

/** A small board for unit tests: school-a in the north, school-d in the south, with their holidays. */
public final class TestOrganisation {

    private TestOrganisation() {
    }

    public static Staff staff() {
        return new Staff(new OrganisationProperties(new OrganisationProperties.Unit("bestuur", "Bestuur"), List.of("bo-bestuur"),
                List.of(new Cluster("cluster", "Cluster", List.of(
                        new School("school-a", "OBS De Vlinder", Region.NOORD, List.of("ib-a"), List.of("af-b"), List.of("dir-a")),
                        new School("school-d", "IKC Het Kompas", Region.ZUID, List.of("ib-d"), List.of("af-a"), List.of("dir-d"))))),
                Map.of("ib-a", new Person("IB", "ib-a@vlinder.example"), "dir-a", new Person("Directeur", "dir-a@vlinder.example"),
                        "af-b", new Person("AF", ""))));
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
