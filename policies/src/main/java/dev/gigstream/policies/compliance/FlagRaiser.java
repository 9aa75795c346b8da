package dev.gigstream.policies.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.query.common.InOrder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the compliance rules find to the {@code ComplianceFlag} aggregate, which decides: a flag
 * is raised once, whoever asks again. It remembers the flags raised ({@code compliance_raised}, from
 * the flags' own events as well), so a redelivered event sends nothing a second time, and it sends
 * nothing while the stream is replayed: a replay rebuilds the rules' state and changes no fact.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(FlagRaiser.RULES)
public class FlagRaiser {

    /** The processing group of the compliance rules: one ordered processor follows the events they count. */
    public static final String RULES = "compliance-rules";
    static final String COLLECTION = "compliance_raised";

    private static final Logger log = LoggerFactory.getLogger(FlagRaiser.class);

    private final MongoCollection<Document> raised;
    private final CommandGateway commands;

    public FlagRaiser(MongoDatabase readModels, CommandGateway commands) {
        this.raised = readModels.getCollection(COLLECTION);
        this.commands = commands;
    }

    /** Asks for the flag unless it was raised already or the stream is being replayed. */
    void raise(RaiseComplianceFlag flag, boolean replaying) {
        if (replaying || raised.find(Filters.eq("_id", flag.flagId())).first() != null) {
            return;
        }
        commands.sendAndWait(flag);
        remember(flag.flagId());
        log.info("Compliance flag {} raised: {} for {}", flag.flagId(), flag.rule(), flag.subjectId());
    }

    @EventHandler
    void on(ComplianceFlagRaised event) {
        remember(event.flagId());
    }

    @ResetHandler
    void reset() {
        raised.deleteMany(new Document());
    }

    private void remember(String flagId) {
        raised.replaceOne(Filters.eq("_id", flagId), new Document(), new ReplaceOptions().upsert(true));
    }
}
