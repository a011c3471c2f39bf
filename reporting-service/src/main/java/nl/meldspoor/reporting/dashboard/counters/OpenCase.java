package nl.meldspoor.reporting.dashboard.counters;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A case that is open now: when it was opened and the due dates of its open deadlines, over which the overdue deadlines
 * are counted at the end of a period. Kept in its school's {@link SchoolOpenCases}, and gone from it when the case closes.
 */
record OpenCase(Instant openedAt, List<LocalDate> dues) {

    OpenCase {
        dues = List.copyOf(dues);
    }

    /**
     * As its school's document keeps it: the opening in epoch milliseconds (a long), then each due date as its epoch day
     * (an int), big-endian. One binary value, not a document of its own: a board's dashboard reads every open case of the
     * board, and mongo-java-server encodes a document's every field and an array's every element one by one.
     */
    byte[] packed() {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES + dues.size() * Integer.BYTES);
        bytes.putLong(openedAt.toEpochMilli());
        dues.forEach(due -> bytes.putInt(Math.toIntExact(due.toEpochDay())));
        return bytes.array();
    }

    static OpenCase unpacked(byte[] packed) {
        ByteBuffer bytes = ByteBuffer.wrap(packed);
        Instant openedAt = Instant.ofEpochMilli(bytes.getLong());
        List<LocalDate> dues = new ArrayList<>(bytes.remaining() / Integer.BYTES);
        while (bytes.remaining() >= Integer.BYTES) {
            dues.add(LocalDate.ofEpochDay(bytes.getInt()));
        }
        return new OpenCase(openedAt, dues);
    }
}
