/**
 * MongoDB client settings: timeouts and date encoding.
 */
package org.treatmentnetwork.content.mongo;
