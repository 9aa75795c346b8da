package dev.gigstream.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.notification.NotificationView;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The notifications section of a data export ({@link FindPersonalData.Notifications}): the whole inbox,
 * oldest first, read or not. A detail that copies another person's text (the opener's reason on
 * {@code dispute.opened}) is left out.
 */
@Component
class NotificationsExport {

    /** Details holding another person's free text. */
    static final Set<String> OTHERS_TEXT = Set.of("reason");

    private final MongoCollection<Document> notifications;

    NotificationsExport(MongoDatabase readModels) {
        this.notifications = readModels.getCollection(NotificationInbox.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Notifications handle(FindPersonalData query) {
        return new FindPersonalData.Notifications(notifications.find(Filters.eq("userId", query.userId()))
                .sort(Sorts.ascending("at", "_id"))
                .map(NotificationsExport::view)
                .into(new ArrayList<>()));
    }

    private static NotificationView view(Document doc) {
        Map<String, String> details = new LinkedHashMap<>();
        doc.get("details", Document.class).forEach((key, value) -> {
            if (!OTHERS_TEXT.contains(key)) {
                details.put(key, String.valueOf(value));
            }
        });
        return new NotificationView(doc.getString("_id"), doc.getString("userId"), doc.getString("type"),
                doc.getString("jobId"), doc.getDate("at").toInstant(), doc.getBoolean("read", false), details);
    }
}
