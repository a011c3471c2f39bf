package nl.meldspoor.notifications;

import java.util.List;
import nl.meldspoor.notifications.notification.Notification;
import nl.meldspoor.notifications.reminder.CaseWatch;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the notifications and the case watches declare, before the consumers and the scans start (a
 * singleton's initialisation comes before the context's listeners and scheduled tasks). Spring Data creates none by
 * itself (its automatic index creation is off by default), so an inbox page, its count, the due mails and the reminder
 * scan's due cases each read the whole collection — on MongoDB and on the local system's store alike, where a board's
 * due mails took 1.4–4.7 s every scan. Creating an index that exists changes nothing.
 */
@Component
class StoreIndexes implements InitializingBean {

    private static final List<Class<?>> INDEXED = List.of(Notification.class, CaseWatch.class);

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var resolver = new MongoPersistentEntityIndexResolver((MongoMappingContext) mongo.getConverter().getMappingContext());
        for (Class<?> type : INDEXED) {
            var indexes = mongo.indexOps(type);
            resolver.resolveIndexFor(type).forEach(indexes::ensureIndex);
        }
    }
}
