/**
 * A text-message and voice-call provider simulator that speaks Twilio's REST API
 * ({@code /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code Calls.json}), calls
 * the webhooks back signed as Twilio signs them, keeps every message and call on disk,
 * and lets a developer play the on-call nurse on a small page or through a control API.
 */
package org.treatmentnetwork.localstack.sms;
