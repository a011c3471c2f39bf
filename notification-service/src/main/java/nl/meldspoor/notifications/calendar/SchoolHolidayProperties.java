package nl.meldspoor.notifications.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.meldspoor.notifications.organisation.Region;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The school holidays per region, as the board sets them (the Rijksoverheid publishes advisory dates;
 * only the summer holiday is fixed per region). Each period runs from its first to its last day, both included.
 */
@ConfigurationProperties("meldspoor.school-holidays")
public record SchoolHolidayProperties(Map<Region, List<Period>> regions) {

    public record Period(String name, LocalDate from, LocalDate to) {

        public Period {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("School holiday '" + name + "' needs a first day (from) and a last day (to) on or after it");
            }
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public SchoolHolidayProperties {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    List<Period> of(Region region) {
        return regions.getOrDefault(region, List.of());
    }
}
