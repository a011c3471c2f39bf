-- Since RecordViewed revision 2 the purpose of a read is a code (AccessPurpose). Reads logged before held
-- the reader's own words, which may name a pupil and can never be erased from a copy like this one:
-- they become OTHER, as the reader of the old revision maps them.
UPDATE case_view SET purpose = 'OTHER'
WHERE purpose IS NOT NULL
  AND purpose NOT IN ('CASE_WORK', 'CARE_COORDINATION', 'PRINCIPAL_OVERSIGHT', 'INCIDENT_FOLLOW_UP', 'AUDIT',
                      'PARENT_INSPECTION', 'PRIVACY_REQUEST', 'OTHER');
