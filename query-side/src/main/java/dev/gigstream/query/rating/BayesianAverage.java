package dev.gigstream.query.rating;

/**
 * A user's rating average pulled towards the platform-wide mean of revealed ratings, as if every
 * user had {@code weight} extra ratings at that mean: {@code (weight × mean + sum) / (weight + count)}.
 * One 5★ therefore does not outrank fifty 4.8★. Null while the user is unrated.
 */
public record BayesianAverage(int weight) {

    public static final int DEFAULT_WEIGHT = 5;

    public BayesianAverage {
        if (weight < 0) {
            throw new IllegalArgumentException("the prior's weight is a number of ratings, 0 or more");
        }
    }

    /**
     * @param count         the user's revealed ratings
     * @param sum           their stars added up
     * @param platformCount every revealed rating on the platform
     * @param platformSum   their stars added up
     */
    public Double of(long count, long sum, long platformCount, long platformSum) {
        if (count == 0) {
            return null;
        }
        double mean = platformCount == 0 ? (double) sum / count : (double) platformSum / platformCount;
        return (weight * mean + sum) / (weight + count);
    }

    /** The plain average, null while unrated. */
    public static Double plain(long count, long sum) {
        return count == 0 ? null : (double) sum / count;
    }
}
