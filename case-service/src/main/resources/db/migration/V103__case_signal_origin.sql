-- Where each signal a case holds comes from: 'pupil-file' (brought in by the signal intake) or 'case'
-- (named over HTTP, in the case's own namespace 'case:…'). Corrections are only forwarded to pupil-file
-- signals of a case at the same school and for the same pupil. Signals attached before the namespace
-- existed count as pupil-file signals; the school-and-pupil match keeps them from receiving another
-- school's corrections.
ALTER TABLE case_signal ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT 'pupil-file';
UPDATE case_signal SET origin = 'case' WHERE signal_id LIKE 'case:%';
