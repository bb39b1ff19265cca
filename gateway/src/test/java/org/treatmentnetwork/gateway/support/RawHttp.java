package org.treatmentnetwork.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients would normalise or refuse
 * to send: paths exactly as written (percent-encoded letters, {@code ;}, {@code \}, dot
 * segments), and requests sent slowly.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request with {@code Connection: close} and reads the answer to the end.
	 * @param port the gateway's port
	 * @param method the method
	 * @param rawPath the path exactly as it goes on the request line
	 * @param headers further header lines, each {@code Name: value}
	 * @param body the body, or {@code null} for none
	 * @return the answer
	 */
	public static Response send(int port, String method, String rawPath, String[] headers, String body) {
		StringBuilder request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\n");
		request.append("Host: localhost:").append(port).append("\r\n").append("Connection: close\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (body != null) {
			request.append("Content-Type: application/json\r\n")
				.append("Content-Length: ")
				.append(bytes.length)
				.append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = connect(port, Duration.ofSeconds(15))) {
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
			return Response.parse(readToEnd(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens a connection to the gateway.
	 * @param port the port
	 * @param readTimeout how long a read may block
	 * @return the connected socket
	 */
	public static Socket connect(int port, Duration readTimeout) {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
			socket.setTcpNoDelay(true);
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads until the other side closes the connection, or the socket's read timeout. A
	 * reset after some bytes arrived ends the answer like a close does.
	 * @param in the stream
	 * @return the bytes read, as ISO-8859-1 text
	 * @throws IOException on a read timeout or a reset before anything arrived
	 */
	public static String readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				received.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			if (received.size() == 0 || ex instanceof java.net.SocketTimeoutException) {
				throw ex;
			}
		}
		return received.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Reads exactly one answer, its body framed by {@code Content-Length} or chunked, so
	 * that the connection can carry another request.
	 * @param in the stream
	 * @return the answer
	 * @throws IOException when the connection ends before the answer does
	 */
	public static Response readOne(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			head.append((char) readByte(in));
		}
		Response headOnly = Response.parse(head.toString());
		StringBuilder body = new StringBuilder();
		String length = headOnly.header("Content-Length");
		if (length != null) {
			for (int i = Integer.parseInt(length); i > 0; i--) {
				body.append((char) readByte(in));
			}
		}
		else if ("chunked".equalsIgnoreCase(headOnly.header("Transfer-Encoding"))) {
			for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
				for (int i = 0; i < size; i++) {
					body.append((char) readByte(in));
				}
				readLine(in);
			}
			readLine(in);
		}
		return new Response(headOnly.status(), headOnly.head(), body.toString());
	}

	private static int chunkSize(InputStream in) throws IOException {
		String line = readLine(in);
		int extension = line.indexOf(';');
		return Integer.parseInt((extension >= 0) ? line.substring(0, extension) : line, 16);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = readByte(in); c != '\n'; c = readByte(in)) {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private static int readByte(InputStream in) throws IOException {
		int c = in.read();
		if (c < 0) {
			throw new java.io.EOFException("connection ended within an answer");
		}
		return c;
	}

	/**
	 * An answer as received.
	 *
	 * @param status the status code
	 * @param head the status line and headers
	 * @param body everything after the headers (chunk sizes included, if any)
	 */
	public record Response(int status, String head, String body) {

		static Response parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 4) : "";
			int status = (head.startsWith("HTTP/1.1 ") && head.length() >= 12) ? Integer.parseInt(head.substring(9, 12))
					: -1;
			return new Response(status, head, body);
		}

		/**
		 * The value of a header, or {@code null}.
		 * @param name the header name
		 * @return the first value
		 */
		public String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			for (String line : this.head.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
					return line.substring(prefix.length()).trim();
				}
			}
			return null;
		}

	}

}
