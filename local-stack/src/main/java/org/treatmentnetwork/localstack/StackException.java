package org.treatmentnetwork.localstack;

/**
 * The stack could not start; the message says which process and why.
 */
public class StackException extends RuntimeException {

	public StackException(String message) {
		super(message);
	}

	public StackException(String message, Throwable cause) {
		super(message, cause);
	}

}
