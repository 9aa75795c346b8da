package dev.gigstream.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The run's one table (metric | measured | goal | ratio/met?), printed and written as markdown. */
final class Report {

    /** One line of the table, with the phase that measured it. */
    record Row(String phase, String metric, String measured, String goal, String verdict) {
    }

    private final List<String> machine = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String[]> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String phase = "";

    /** The phase whose figures the rows added from now on are. */
    void phase(String name) {
        phase = name;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void machine(String line) {
        machine.add(line);
        System.out.println(line);
    }

    void note(String line) {
        notes.add(line);
    }

    /** A figure without a goal. */
    void info(String metric, String measured) {
        add(metric, measured, "", "");
    }

    /** A figure that must be at most {@code goal}. */
    void atMost(String metric, double measured, double goal, String unit) {
        add(metric, format(measured, unit), "≤ " + format(goal, unit), verdict(measured <= goal));
    }

    /** A figure that must be at least {@code goal}. */
    void atLeast(String metric, double measured, double goal, String unit) {
        add(metric, format(measured, unit), "≥ " + format(goal, unit), verdict(measured >= goal));
    }

    void add(String metric, String measured, String goal, String verdict) {
        Row row = new Row(phase, metric, measured, goal, verdict);
        rows.add(row);
        System.out.printf("  %-58s %-26s %-22s %s%n", metric, measured, goal, verdict);
    }

    void lifecycleSteps(Lifecycle.Result... results) {
        for (String step : Lifecycle.STEPS) {
            String[] cells = new String[results.length + 1];
            cells[0] = step;
            for (int i = 0; i < results.length; i++) {
                Latencies latencies = results[i].steps().get(step);
                cells[i + 1] = String.format("%.1f / %.1f", latencies.p50(), latencies.p99());
            }
            steps.add(cells);
        }
        String[] total = new String[results.length + 1];
        total[0] = "whole lifecycle";
        for (int i = 0; i < results.length; i++) {
            total[i + 1] = String.format("%.1f / %.1f", results[i].total().p50(), results[i].total().p99());
        }
        steps.add(total);
        String[] header = new String[results.length + 1];
        header[0] = "step (p50 / p99 ms)";
        for (int i = 0; i < results.length; i++) {
            header[i + 1] = results[i].clients() + (results[i].clients() == 1 ? " client" : " clients")
                    + " (poll " + results[i].pollMillis() + " ms)";
        }
        steps.add(0, header);
    }

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    static String ratio(double measured, double reference) {
        return String.format("%.1f×", reference / measured);
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    void print() {
        System.out.println();
        System.out.println("=== Gigstream benchmark ===");
        machine.forEach(System.out::println);
        System.out.printf("%-60s | %-26s | %-22s | %s%n", "metric", "measured", "goal", "ratio/met?");
        System.out.println("-".repeat(130));
        for (Row row : rows) {
            System.out.printf("%-60s | %-26s | %-22s | %s%n", row.metric(), row.measured(), row.goal(), row.verdict());
        }
        if (!steps.isEmpty()) {
            System.out.println();
            for (String[] cells : steps) {
                StringBuilder line = new StringBuilder(String.format("%-26s", cells[0]));
                for (int i = 1; i < cells.length; i++) {
                    line.append(String.format(" | %-26s", cells[i]));
                }
                System.out.println(line);
            }
        }
        notes.forEach(System.out::println);
    }

    void write(Path file) throws IOException {
        StringBuilder md = new StringBuilder("# Gigstream benchmark\n\n");
        machine.forEach(line -> md.append(line).append("  \n"));
        md.append("\n| metric | measured | goal | ratio/met? |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.metric()).append(" | ").append(row.measured()).append(" | ").append(row.goal())
                    .append(" | ").append(row.verdict()).append(" |\n");
        }
        if (!steps.isEmpty()) {
            md.append('\n');
            for (int r = 0; r < steps.size(); r++) {
                md.append("| ").append(String.join(" | ", steps.get(r))).append(" |\n");
                if (r == 0) {
                    md.append("|---".repeat(steps.get(0).length)).append("|\n");
                }
            }
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        Files.writeString(file, md);
        System.out.println("Written to " + file);
    }

    static String perSecond(double value) {
        return format(value, "/s");
    }

    static String millis(Latencies latencies) {
        return String.format("p50 %.1f, p99 %.1f ms", latencies.p50(), latencies.p99());
    }

    static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
