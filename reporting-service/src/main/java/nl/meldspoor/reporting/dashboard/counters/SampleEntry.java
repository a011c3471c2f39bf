package nl.meldspoor.reporting.dashboard.counters;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A step-duration sample of a case opened on this day of the month: days from reaching {@code fromStep} to
 * reaching the next step, as the median per step is taken over.
 */
record SampleEntry(int day, int fromStep, double days) {

    /** The bytes of one sample in a school year's samples ({@link SchoolYearSamples}): the day, the step, the days as a double. */
    static final int BYTES = 1 + 1 + Double.BYTES;

    SampleEntry {
        if (day < 1 || day > 31 || fromStep < 1 || fromStep > 4) {
            throw new IllegalArgumentException("No sample on day " + day + " from step " + fromStep);
        }
    }

    /** A case's samples in a month as its school year's samples keep them: {@link #BYTES} each, big-endian, in order. */
    static byte[] packed(List<SampleEntry> samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.size() * BYTES);
        for (SampleEntry sample : samples) {
            bytes.put((byte) sample.day()).put((byte) sample.fromStep()).putDouble(sample.days());
        }
        return bytes.array();
    }

    static List<SampleEntry> unpacked(byte[] packed) {
        ByteBuffer bytes = ByteBuffer.wrap(packed);
        List<SampleEntry> samples = new ArrayList<>(packed.length / BYTES);
        while (bytes.remaining() >= BYTES) {
            samples.add(new SampleEntry(bytes.get(), bytes.get(), bytes.getDouble()));
        }
        return samples;
    }
}
