-- Recording a signal, and the look-back before it, finds the pupil's brothers and sisters registered at the school
-- (kindcheck) by family within the school. Without this index each of them read every pupil the school ever registered.
CREATE INDEX pupil_registry_family_school ON pupil_registry (family_ref, school_id);
