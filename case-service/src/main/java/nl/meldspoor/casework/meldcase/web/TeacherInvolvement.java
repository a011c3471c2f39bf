package nl.meldspoor.casework.meldcase.web;

import jakarta.validation.constraints.NotBlank;

/** Request body naming the teacher to involve in a case. */
record TeacherInvolvement(@NotBlank String teacherId) {
}
