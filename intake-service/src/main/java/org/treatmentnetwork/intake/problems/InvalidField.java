package org.treatmentnetwork.intake.problems;

/**
 * One entry of a validation problem's {@code errors} array. Never carries the submitted
 * value.
 *
 * @param field the path of the field, such as {@code consent.contact} or
 * {@code substances[0]}
 * @param message what is wrong with it
 */
public record InvalidField(String field, String message) {

}
