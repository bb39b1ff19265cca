/**
 * The service's OpenAPI 3.1 document, generated from its controllers and served at
 * {@code /v3/api-docs}; the common parts come from service-defaults. The committed copy
 * is {@code contracts/openapi/intake-service.json}.
 */
package org.treatmentnetwork.intake.openapi;
