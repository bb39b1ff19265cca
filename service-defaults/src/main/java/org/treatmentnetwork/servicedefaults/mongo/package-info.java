/**
 * The MongoDB client settings every service with a store applies the same way.
 */
package org.treatmentnetwork.servicedefaults.mongo;
