/**
 * What every service's OpenAPI document shares: the server the document is read through
 * (the gateway), the staff bearer token, the RFC 9457 problem schema, and the error
 * answers every operation may give. Each service describes its own operations; the
 * documents are committed under {@code contracts/openapi/}.
 */
package org.treatmentnetwork.servicedefaults.openapi;
