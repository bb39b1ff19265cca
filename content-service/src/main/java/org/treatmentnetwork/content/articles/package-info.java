/**
 * Articles about heroin, opioid use disorder and its treatment: catalog, public and
 * editorial listing, seed content.
 */
package org.treatmentnetwork.content.articles;
