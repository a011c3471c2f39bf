package nl.meldspoor.reporting.dashboard.counters;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the counters of some schools over [from, to): one document per school and month, and the open cases. */
@Component
public class CounterQueries {

    private final MongoTemplate mongo;

    public CounterQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param to exclusive */
    public Tally tally(List<String> schoolIds, LocalDate from, LocalDate to) {
        Tally tally = new Tally();
        Query months = Query.query(Criteria.where("schoolId").in(schoolIds)
                .and("month").gte(YearMonth.from(from).toString()).lte(YearMonth.from(to.minusDays(1)).toString()));
        // the contributions are for writing; the dashboards read only the sums
        months.fields().include("schoolId", "month", "days", "samples");
        for (MonthCounters month : mongo.find(months, MonthCounters.class)) {
            YearMonth yearMonth = YearMonth.parse(month.month());
            for (DayCounts day : month.days()) {
                LocalDate date = yearMonth.atDay(day.day());
                if (date.isBefore(from) || !date.isBefore(to)) {
                    continue;
                }
                day.counts().forEach((name, amount) -> {
                    int counter = Counter.index(name);
                    if (counter >= 0) {
                        tally.add(month.schoolId(), date, counter, amount);
                    }
                });
            }
            for (SampleEntry sample : month.samples()) {
                LocalDate date = yearMonth.atDay(sample.day());
                if (!date.isBefore(from) && date.isBefore(to)) {
                    tally.sample(month.schoolId(), date, sample.fromStep(), sample.days());
                }
            }
        }
        // open now and opened before the end of the period, as the cases active in it that are still open
        Query open = Query.query(Criteria.where("schoolId").in(schoolIds).and("openedAt").lt(to.atStartOfDay(DashboardCounters.AMSTERDAM).toInstant()));
        for (OpenCase openCase : mongo.find(open, OpenCase.class)) {
            tally.openCase(openCase.schoolId(), openCase.dues().stream().map(LocalDate::parse).toList());
        }
        return tally;
    }
}
