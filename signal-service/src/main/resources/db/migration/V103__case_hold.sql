-- The pupils' meldcode cases as the case-service's events tell them (CaseOpened, CaseClosed, CaseReopened): a case
-- holds its pupil's signals of its school, which carry this service's seal, while it is open and for the case's
-- retention period after it closed; the retention schedule tells the pupil file, which refuses to erase meanwhile.
CREATE TABLE case_hold (
    case_id       VARCHAR(255) PRIMARY KEY,
    pupil_ref     VARCHAR(255) NOT NULL,
    school_id     VARCHAR(255) NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE,
    -- the case's event sequence number last applied: a redelivered older event changes nothing
    case_sequence BIGINT NOT NULL
);

CREATE INDEX case_hold_pupil_school ON case_hold (pupil_ref, school_id);
