package nl.meldspoor.notifications.reminder;

import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.calendar.SchoolCalendar;
import nl.meldspoor.notifications.calendar.SchoolHolidayProperties;
import nl.meldspoor.notifications.organisation.Staff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    SchoolCalendar schoolCalendar(WorkingDays workingDays, SchoolHolidayProperties holidays, Staff staff, NotificationProperties properties) {
        return new SchoolCalendar(workingDays, holidays, staff, properties.remindersAt());
    }

    @Bean
    CaseReminders caseReminders(MeldcodeTerms terms, SchoolCalendar calendar, NotificationProperties properties) {
        return new CaseReminders(terms, calendar, properties.inactivityReminder(), properties.inactivityEscalation());
    }
}
