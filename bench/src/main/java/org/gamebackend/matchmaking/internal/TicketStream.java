package org.gamebackend.matchmaking.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A recorded (or generated) ticket stream, as CSV:
 *
 * <pre>
 * arrival_ms,region,ratings,latency_eu,latency_na,...
 * 1250,eu,1523,31,118,...
 * 1310,na,1610;1544,104,27,...
 * </pre>
 *
 * Columns: the arrival in ms from the start of the stream; the player's home region; one rating per player, separated
 * by {@code ;} (two or more make a party); then one {@code latency_<name>} column per region the stream knows (the
 * header names the regions): round trip in ms, empty when not measured. Lines starting with {@code #} are comments.
 *
 * @param regions the regions named by the latency columns, in column order
 * @param tickets by arrival
 */
record TicketStream(List<String> regions, List<StreamTicket> tickets) {

    private static final String LATENCY = "latency_";

    TicketStream {
        regions = List.copyOf(regions);
        tickets = tickets.stream()
                .sorted(Comparator.comparingLong(StreamTicket::arrivalMillis))
                .toList();
    }

    long durationMillis() {
        return tickets.isEmpty() ? 0 : tickets.getLast().arrivalMillis();
    }

    static TicketStream read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.removeIf(l -> l.isBlank() || l.startsWith("#"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": no header");
        }
        String[] header = lines.getFirst().split(",", -1);
        if (header.length < 3
                || !header[0].equals("arrival_ms")
                || !header[1].equals("region")
                || !header[2].equals("ratings")) {
            throw new IllegalArgumentException(file + ": the header must start with arrival_ms,region,ratings");
        }
        List<String> regions = new ArrayList<>();
        for (int c = 3; c < header.length; c++) {
            if (!header[c].startsWith(LATENCY)) {
                throw new IllegalArgumentException(file + ": column " + header[c] + " is not latency_<region>");
            }
            regions.add(header[c].substring(LATENCY.length()));
        }
        List<StreamTicket> tickets = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            try {
                tickets.add(parse(lines.get(i).split(",", -1), regions));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new TicketStream(regions, tickets);
    }

    private static StreamTicket parse(String[] f, List<String> regions) {
        if (f.length != 3 + regions.size()) {
            throw new IllegalArgumentException("expected " + (3 + regions.size()) + " columns, found " + f.length);
        }
        if (!regions.contains(f[1])) {
            throw new IllegalArgumentException("region " + f[1] + " has no latency column");
        }
        List<Double> ratings = new ArrayList<>();
        for (String r : f[2].split(";", -1)) {
            ratings.add(Double.parseDouble(r));
        }
        Map<String, Integer> latencies = new LinkedHashMap<>();
        for (int r = 0; r < regions.size(); r++) {
            if (!f[3 + r].isEmpty()) {
                latencies.put(regions.get(r), Integer.parseInt(f[3 + r]));
            }
        }
        return new StreamTicket(Long.parseLong(f[0]), f[1], ratings, latencies);
    }

    void write(Path file, String comment) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : comment.split("\n", -1)) {
                out.write("# " + line + "\n");
            }
            out.write("arrival_ms,region,ratings,"
                    + regions.stream().map(r -> LATENCY + r).collect(Collectors.joining(",")) + "\n");
            for (StreamTicket t : tickets) {
                StringBuilder line = new StringBuilder();
                line.append(t.arrivalMillis()).append(',').append(t.region()).append(',');
                line.append(t.ratings().stream()
                        .map(r -> r == Math.rint(r) ? Long.toString(Math.round(r)) : Double.toString(r))
                        .collect(Collectors.joining(";")));
                for (String r : regions) {
                    Integer latency = t.latencies().get(r);
                    line.append(',').append(latency == null ? "" : latency.toString());
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /**
     * {@code count} tickets from {@link Population} over {@code dayMillis}: one day compressed into the stream, each
     * region busiest in its own evening.
     */
    static TicketStream generate(int count, long dayMillis, double partyShare, long seed) {
        Random random = new Random(seed);
        Population population = new Population(partyShare);
        List<StreamTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int region = Population.region(random);
            tickets.add(population.next(random, Population.arrival(random, region, dayMillis), region));
        }
        return new TicketStream(Population.REGIONS, tickets);
    }
}
