package dev.gigstream.api.messaging;

import dev.gigstream.messages.common.RefusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageMetadataConfiguration {

    /** Events (and commands sent while handling a message) inherit the audit metadata of their cause. */
    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.CORRELATION_ID, AuditMetadata.USER_ID, AuditMetadata.SOURCE);
    }

    /** A command that starts a chain (an HTTP request, a webhook) takes its audit metadata from the current context. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditMetadataOnCommands() {
        return commands -> (index, command) -> command.andMetaData(AuditMetadata.missingFrom(command.getMetaData()));
    }

    /**
     * A refusal crosses a distributed command bus only as the details of a
     * {@link CommandExecutionException}; this wraps it so callers see the same thing locally and remotely.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> refusalsAsExecutionDetails() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (RefusedException refused) {
                throw new CommandExecutionException(refused.getMessage(), null, refused.refusal());
            }
        };
    }

    /** Logs written while an event is handled carry that event's correlation id and user. */
    @Bean
    MessageHandlerInterceptor<EventMessage<?>> auditMetadataInEventHandlerLogs() {
        return (unitOfWork, chain) -> AuditMetadata.withContext(unitOfWork.getMessage().getMetaData(), chain::proceed);
    }
}
