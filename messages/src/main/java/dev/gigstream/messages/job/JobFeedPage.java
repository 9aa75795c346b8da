package dev.gigstream.messages.job;

import java.util.List;

public record JobFeedPage(List<JobFeedItem> items, int page, int size, long total) {
}
