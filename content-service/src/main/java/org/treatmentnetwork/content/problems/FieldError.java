package org.treatmentnetwork.content.problems;

/**
 * One entry of a validation problem's {@code errors} array. The message describes the
 * rule, never the submitted value.
 *
 * @param field the parameter or field name
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

}
