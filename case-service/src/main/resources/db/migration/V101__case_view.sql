-- Who looked at a case (its state, timeline, dossier or rapportage), copied from the board's access log
-- (meldspoor.access-log) so the case's own timeline can show it. Rows are only ever inserted.
CREATE TABLE case_view (
    access_id  VARCHAR(255)             NOT NULL,
    case_id    VARCHAR(255)             NOT NULL,
    person_id  VARCHAR(255)             NOT NULL,
    role       VARCHAR(64)              NOT NULL,
    kind       VARCHAR(64)              NOT NULL,
    purpose    VARCHAR(255),
    viewed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_view_pkey PRIMARY KEY (access_id)
);

CREATE INDEX case_view_case ON case_view (case_id, viewed_at);
