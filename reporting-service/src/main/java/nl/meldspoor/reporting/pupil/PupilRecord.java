package nl.meldspoor.reporting.pupil;

import nl.meldspoor.reporting.pupil.fold.PupilFiles;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.reporting.readmodel.AggregateDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One pupil's file of signals on the read side: the signal facts and schools, updated per event (the events are in the history collection). */
@Document(PupilRecord.COLLECTION)
public class PupilRecord extends AggregateDocument {

    public static final String COLLECTION = "pupil_signals";

    @Id
    private String pupilRef;
    @Indexed
    private String familyRef;
    @Indexed
    private List<String> schoolIds = new ArrayList<>();
    private List<SignalFact> signals = new ArrayList<>();
    /** The pupil's file as JSON ({@link PupilFiles}): what the IB'er's overview shows, stored so that no request folds the history. */
    private String file;
    /** The file as applied in memory, kept with the view between polls: encoded into {@link #file} once per poll. */
    @org.springframework.data.annotation.Transient
    private PupilFiles applied;

    protected PupilRecord() {
    }

    static PupilRecord start(String pupilRef) {
        PupilRecord record = new PupilRecord();
        record.pupilRef = pupilRef;
        return record;
    }

    void summarise(String familyRef, List<String> schoolIds, List<SignalFact> signals) {
        this.familyRef = familyRef;
        this.schoolIds = List.copyOf(schoolIds);
        this.signals = List.copyOf(signals);
    }

    public String pupilRef() {
        return pupilRef;
    }

    public String familyRef() {
        return familyRef;
    }

    public List<String> schoolIds() {
        return schoolIds;
    }

    public List<SignalFact> signals() {
        return signals;
    }

    String fileJson() {
        return file;
    }

    PupilFiles appliedFile() {
        return applied;
    }

    void fileApplied(PupilFiles files) {
        applied = files;
    }

    void fileEncoded(String json) {
        file = json;
    }
}
