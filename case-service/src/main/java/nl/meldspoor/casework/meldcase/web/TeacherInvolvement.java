package nl.meldspoor.casework.meldcase.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;

/** Request body naming the teacher to involve in a case. */
record TeacherInvolvement(@NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String teacherId) {
}
