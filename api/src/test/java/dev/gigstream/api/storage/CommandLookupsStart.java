package dev.gigstream.api.storage;

import org.springframework.context.ApplicationContext;

/** For integration tests of an upgrade: what an instance's start does before it takes commands. */
public final class CommandLookupsStart {

    private CommandLookupsStart() {
    }

    /** Fills the lookup tables not filled yet from the stored history, as {@link CommandLookupsBackfill} does at start. */
    public static void fillAsAtStart(ApplicationContext context) {
        context.getBean(CommandLookupsBackfill.class).fillOnce();
    }
}
