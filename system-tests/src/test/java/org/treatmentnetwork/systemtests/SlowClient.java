package org.treatmentnetwork.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client on a plain socket to the gateway that sends as slowly as it likes: for the
 * drill on the gateway's deadlines for receiving requests.
 */
final class SlowClient implements AutoCloseable {

	private final Socket socket;

	private SlowClient(Socket socket) {
		this.socket = socket;
	}

	static SlowClient connect(Duration readTimeout) {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress(RunningSuite.config().host(), RunningSuite.config().ports().gateway()),
					2000);
			socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
			socket.setTcpNoDelay(true);
			return new SlowClient(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void send(String text) {
		try {
			OutputStream out = this.socket.getOutputStream();
			out.write(text.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends the text one byte at a time, each after a pause, until the gateway answers or
	 * closes the connection (or the text runs out), and reads what it answered.
	 * @param text what to send
	 * @param pause the pause before each byte
	 * @return everything the gateway sent until it closed the connection
	 */
	String trickleUntilAnswered(String text, Duration pause) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		AtomicBoolean answered = new AtomicBoolean();
		Thread trickler = new Thread(() -> {
			try {
				OutputStream out = this.socket.getOutputStream();
				for (int i = 0; i < bytes.length && !answered.get(); i++) {
					Thread.sleep(pause.toMillis());
					out.write(bytes[i]);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// the gateway closed the connection
			}
		}, "slow-client");
		trickler.setDaemon(true);
		trickler.start();
		try {
			return readToEnd(this.socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			answered.set(true);
		}
	}

	/**
	 * Reads one answer (framed by {@code Content-Length}) and returns its status.
	 * @return the status code
	 */
	int readStatus() {
		try {
			InputStream in = this.socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
				int c = in.read();
				if (c < 0) {
					throw new EOFException("connection closed within an answer");
				}
				head.append((char) c);
			}
			String lower = head.toString().toLowerCase(Locale.ROOT);
			int at = lower.indexOf("\r\ncontent-length:");
			int length = (at < 0) ? 0
					: Integer.parseInt(lower.substring(at + 17, lower.indexOf("\r\n", at + 2)).trim());
			in.readNBytes(length);
			return Integer.parseInt(head.substring(9, 12));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				received.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// a reset after the answer arrived ends it like a close
			if (received.size() == 0 || ex instanceof SocketTimeoutException) {
				throw ex;
			}
		}
		return received.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

}
