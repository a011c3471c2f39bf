package nl.meldspoor.reporting.organisation;

/** Where in the organisation a figure is looked at. Above school level, no pupil-level data and no small counts. */
public enum Level {
    SCHOOL,
    CLUSTER,
    BOARD;

    public boolean aboveSchool() {
        return this != SCHOOL;
    }
}
