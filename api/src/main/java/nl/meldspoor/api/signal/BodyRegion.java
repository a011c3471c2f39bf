package nl.meldspoor.api.signal;

/**
 * A region of the body map (UI.md §4). A region with sides (shoulder, arm, hand, leg, foot, buttocks) is
 * always recorded with its side, from the child's side, because "a bruise on the arm" does not say which arm.
 */
public enum BodyRegion {
    HEAD("hoofd", false),
    FACE("gezicht", false),
    NECK("hals", false),
    SHOULDER("schouder", true),
    CHEST("borst", false),
    ABDOMEN("buik", false),
    BACK("rug", false),
    BUTTOCKS("billen", true),
    ARM("arm", true),
    HAND("hand", true),
    LEG("been", true),
    FOOT("voet", true);

    private final String label;
    private final boolean sided;

    BodyRegion(String label, boolean sided) {
        this.label = label;
        this.sided = sided;
    }

    /** The Dutch word staff read on the body map. */
    public String label() {
        return label;
    }

    /** Whether the region exists left and right, so a mark on it needs LEFT or RIGHT. */
    public boolean sided() {
        return sided;
    }
}
