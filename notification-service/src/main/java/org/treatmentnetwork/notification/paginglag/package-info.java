/**
 * Paging lag: how far behind the pages are (the oldest triggered alert nobody has been
 * paged for yet), as a gauge and as a warning supervisors read.
 */
package org.treatmentnetwork.notification.paginglag;
