package nl.meldspoor.casework.views;

import java.util.List;

/** A page of who looked at a case, newest first, and how many reads there are in all. */
public record CaseViewPage(List<CaseView> entries, int page, int size, long totalElements, int totalPages) {

    CaseViewPage(List<CaseView> entries, int page, int size, long totalElements) {
        this(List.copyOf(entries), page, size, totalElements, (int) ((totalElements + size - 1) / size));
    }
}
