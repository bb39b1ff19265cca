/**
 * A local SMTP server that receives staff e-mail and keeps a copy of each message on
 * disk.
 */
package org.treatmentnetwork.localstack.mail;
