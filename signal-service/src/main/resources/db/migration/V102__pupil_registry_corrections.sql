-- Names are corrected in place (the registry is the one mutable record of who a pupil is) and erased
-- on request or when the pupil's data need not be kept any longer: the reference stays, so the events
-- that carry it keep their meaning, but nothing joins it to a person any more.
ALTER TABLE pupil_registry ADD COLUMN corrected_by VARCHAR(255);
ALTER TABLE pupil_registry ADD COLUMN corrected_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pupil_registry ADD COLUMN erased_by    VARCHAR(255);
ALTER TABLE pupil_registry ADD COLUMN erased_at    TIMESTAMP WITH TIME ZONE;
