/**
 * The API documentation at {@code /api/docs}: one Swagger UI (springdoc) for the suite,
 * reading each service's OpenAPI document through the gateway's documentation routes.
 */
package org.treatmentnetwork.gateway.docs;
