/**
 * The suite's service defaults: plumbing that every service needs the same way, kept in
 * one place so that the services cannot drift apart. One package per concern.
 */
package org.treatmentnetwork.servicedefaults;
