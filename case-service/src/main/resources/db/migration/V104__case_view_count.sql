-- How many reads each case has, counted by the database as the reads are inserted: every timeline shows the count, and
-- counting a case's rows on each read grew with every read of the case (a case is read for years). Rows of case_view
-- are only ever inserted; a read delivered again is not inserted (ON CONFLICT DO NOTHING), so it is not counted again.
CREATE TABLE case_view_count (
    case_id VARCHAR(255) NOT NULL,
    views   BIGINT       NOT NULL,
    CONSTRAINT case_view_count_pkey PRIMARY KEY (case_id)
);

INSERT INTO case_view_count (case_id, views) SELECT case_id, count(*) FROM case_view GROUP BY case_id;

CREATE FUNCTION case_view_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_view_count (case_id, views) VALUES (NEW.case_id, 1)
    ON CONFLICT (case_id) DO UPDATE SET views = case_view_count.views + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_view_counted AFTER INSERT ON case_view FOR EACH ROW EXECUTE FUNCTION case_view_counted();
