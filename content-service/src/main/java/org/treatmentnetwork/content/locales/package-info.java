/**
 * Which content locales the service serves, and the fallback for the ones it does not.
 */
package org.treatmentnetwork.content.locales;
