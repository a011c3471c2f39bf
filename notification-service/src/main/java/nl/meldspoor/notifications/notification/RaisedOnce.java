package nl.meldspoor.notifications.notification;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first raising of an alert: of an alert which several events can bring (a signal in the pupil file and the same
 * signal in a case) under the alert's key, of any other under its source ({@code source:} and the event or reminder).
 * Its id is unique in the collection, so of two raisings racing one wins and the other raises the winner's
 * notifications again — which, being the same notifications, changes nothing.
 *
 * @param sourceKey  the source of the first event's notifications
 * @param recipients who the first raising alerted, as the staff directory said then; raising it again alerts no one
 *                   else (not who got the role since), and of them only who still holds a role that receives it
 */
@Document(RaisedOnce.COLLECTION)
public record RaisedOnce(@Id String key, String sourceKey, Set<String> recipients, Instant firstRaisedAt) {

    public static final String COLLECTION = "raised_once";
}
