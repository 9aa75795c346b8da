package dev.gigstream.api.messaging;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reading one's own writes: waits, briefly, until the processors that build a read model have passed a
 * position in the event stream, on whichever instance they run, so a read
 * that follows a write sees it. Who waits parks on a future; one thread of its own looks at the
 * processors' tokens ({@link ProcessorTokens}) for all who wait at once, as soon as a processor of this
 * instance has stored a token, and otherwise after a pause that grows from 2 to 50 ms while nothing
 * moves (processors on other instances tell nothing here).
 */
public class ReadModelPositions {

    private static final Logger log = LoggerFactory.getLogger(ReadModelPositions.class);
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private final ProcessorTokens tokens;
    private final Projections projections;
    private final ListableBeanFactory beans;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final Map<Class<?>, Set<String>> readModels = new ConcurrentHashMap<>();
    private final AtomicBoolean lookScheduled = new AtomicBoolean();
    private final AtomicInteger quietLooks = new AtomicInteger();
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-model-positions");
        thread.setDaemon(true);
        return thread;
    });

    ReadModelPositions(ProcessorTokens tokens, Projections projections, ListableBeanFactory beans, TokensStored stored) {
        this.tokens = tokens;
        this.projections = projections;
        this.beans = beans;
        stored.onStored(this::lookNow);
    }

    /**
     * Waits until the read models that answer the {@code queries} (query message types) have passed
     * {@code position}; false when they have not within {@code max}.
     */
    public boolean awaitReadModels(long position, Duration max, Class<?>... queries) {
        Set<String> processors = new TreeSet<>();
        for (Class<?> query : queries) {
            processors.addAll(readModels.computeIfAbsent(query, this::processorsAnswering));
        }
        return await(processors, position, max);
    }

    private boolean await(Set<String> processors, long position, Duration max) {
        Waiter waiter = new Waiter(processors, position, new CompletableFuture<>());
        waiters.add(waiter);
        lookNow();
        try {
            waiter.passed().get(max.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not tell where the read models are", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiters.remove(waiter);
        }
    }

    private void lookNow() {
        quietLooks.set(0);
        if (!waiters.isEmpty() && lookScheduled.compareAndSet(false, true)) {
            looks.execute(this::look);
        }
    }

    /** One read of the tokens for everyone waiting; then again after a pause while anyone still waits. */
    private void look() {
        lookScheduled.set(false);
        if (waiters.isEmpty()) {
            return;
        }
        try {
            Set<String> wanted = waiters.stream().flatMap(waiter -> waiter.processors().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, List<TrackingToken>> positions = tokens.of(wanted);
            waiters.removeIf(waiter -> waiter.passedBy(positions));
        } catch (RuntimeException e) {
            log.warn("Could not read the processors' tokens; looking again shortly", e);
        }
        if (!waiters.isEmpty() && lookScheduled.compareAndSet(false, true)) {
            long pause = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(5, quietLooks.getAndIncrement()));
            looks.schedule(this::look, pause, TimeUnit.MILLISECONDS);
        }
    }

    /** The processors of the read model whose handlers answer the query; every read model's when none is found. */
    private Set<String> processorsAnswering(Class<?> query) {
        Set<String> groups = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = Objects.requireNonNull(beans.getType(bean));
            String group = Objects.requireNonNull(beans.findAnnotationOnBean(bean, ProcessingGroup.class)).value();
            ReflectionUtils.doWithMethods(type, method -> groups.add(group), method ->
                    AnnotatedElementUtils.hasAnnotation(method, QueryHandler.class)
                            && method.getParameterCount() > 0 && method.getParameterTypes()[0].equals(query));
        }
        groups.retainAll(projectionGroups());
        return Set.copyOf(projections.processorsOf(groups.isEmpty() ? projectionGroups() : groups));
    }

    private Set<String> projectionGroups() {
        Set<String> groups = new TreeSet<>(projections.shared());
        groups.addAll(projections.perInstance());
        return groups;
    }

    @PreDestroy
    void stop() {
        looks.shutdownNow();
    }

    /** Someone waiting for every segment of each of the processors to have passed the position. */
    private record Waiter(Set<String> processors, long position, CompletableFuture<Void> passed) {

        boolean passedBy(Map<String, List<TrackingToken>> tokens) {
            boolean passedAll = processors.stream().allMatch(processor -> {
                List<TrackingToken> segments = tokens.getOrDefault(processor, List.of());
                return !segments.isEmpty() && segments.stream().allMatch(token -> covers(token, position));
            });
            if (passedAll) {
                passed.complete(null);
            }
            return passedAll;
        }
    }

    /**
     * Whether a segment at {@code token} has handled the event at {@code position}: it has read past it,
     * and it is not among the positions the segment skipped because their transactions were still open.
     */
    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current == null || current.position().orElse(-1) < position) {
            return false;
        }
        return !(current instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(position));
    }
}
