package org.treatmentnetwork.notification.oncall;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff member who can be paged ({@code staff} collection).
 *
 * @param id the staff id (the {@code sub} of their token)
 * @param displayName the name shown to colleagues
 * @param email where pages are e-mailed
 */
@Document("staff")
record StaffDocument(@Id String id, String displayName, String email) {

}
