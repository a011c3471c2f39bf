package nl.meldspoor.notifications.notification;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first event that raised an alert which several events can bring (a signal in the pupil file and the same
 * signal in a case). Its id is the alert's key, unique in the collection, so of two events racing to raise it one
 * wins and the other raises the winner's notifications again — which, being the same notifications, changes nothing.
 *
 * @param sourceKey  the source of the first event's notifications
 * @param recipients who the first event alerted; a later event alerts the same people, however the staff changed
 */
@Document(RaisedOnce.COLLECTION)
public record RaisedOnce(@Id String key, String sourceKey, Set<String> recipients, Instant firstRaisedAt) {

    public static final String COLLECTION = "raised_once";
}
