package nl.meldspoor.reporting.dashboard.counters;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One count an aggregate contributes to a school's month: on which day of the month, to which counter
 * ({@link Counter#name(int)}), how many.
 */
record CounterEntry(int day, String counter, int amount) {

    /**
     * An aggregate's counts in a month as its stored contribution and a month's guard keep them: one binary value, per
     * count the day (a byte), the counter's name (modified UTF-8, as {@link DataOutputStream#writeUTF}) and the amount
     * (an int), in order. By name, not by index: a counter added or dropped by another version leaves the others as
     * they are.
     */
    static byte[] packed(List<CounterEntry> counts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(counts.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (CounterEntry count : counts) {
                out.writeByte(count.day());
                out.writeUTF(count.counter());
                out.writeInt(count.amount());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    static List<CounterEntry> unpacked(byte[] packed) {
        List<CounterEntry> counts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(packed))) {
            while (in.available() > 0) {
                counts.add(new CounterEntry(in.readUnsignedByte(), in.readUTF(), in.readInt()));
            }
        } catch (IOException truncated) {
            throw new IllegalStateException("A contribution's packed counts end inside a count", truncated);
        }
        return counts;
    }
}
