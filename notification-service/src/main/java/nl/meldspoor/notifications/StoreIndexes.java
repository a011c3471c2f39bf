package nl.meldspoor.notifications;

import com.mongodb.MongoCommandException;
import java.util.List;
import java.util.Set;
import nl.meldspoor.notifications.notification.Notification;
import nl.meldspoor.notifications.reminder.CaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the notifications and the case watches declare, before the consumers and the scans start (a
 * singleton's initialisation comes before the context's listeners and scheduled tasks). Spring Data creates none by
 * itself (its automatic index creation is off by default), so an inbox page, its count, the due mails and the reminder
 * scan's due cases each read the whole collection — on MongoDB and on the local system's store alike, where a board's
 * due mails took 1.4–4.7 s every scan. Creating an index that exists changes nothing. One that conflicts with an index
 * someone created by hand (the same keys under another name, or the name with other keys) is left to them with a
 * warning: the service still starts, as it did without any.
 */
@Component
class StoreIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    private static final List<Class<?>> INDEXED = List.of(Notification.class, CaseWatch.class);
    /** MongoDB's IndexOptionsConflict and IndexKeySpecsConflict. */
    private static final Set<Integer> CONFLICTS = Set.of(85, 86);

    private final MongoTemplate mongo;

    StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var resolver = new MongoPersistentEntityIndexResolver((MongoMappingContext) mongo.getConverter().getMappingContext());
        for (Class<?> type : INDEXED) {
            var indexes = mongo.indexOps(type);
            resolver.resolveIndexFor(type).forEach(index -> {
                try {
                    indexes.createIndex(index);
                } catch (DataAccessException failed) {
                    if (!(failed.getMostSpecificCause() instanceof MongoCommandException command) || !CONFLICTS.contains(command.getErrorCode())) {
                        throw failed;
                    }
                    log.warn("Index {} of {} not created: it conflicts with an index already there ({}); the queries it should serve "
                            + "may read the whole collection", index.getIndexKeys().toJson(), mongo.getCollectionName(type), command.getErrorMessage());
                }
            });
        }
    }
}
