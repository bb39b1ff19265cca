package org.treatmentnetwork.intake.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fixed local address that forwards TCP connections to a port that can change, so that
 * a client keeps one bootstrap address while the broker behind it is replaced.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile int target;

	TcpProxy(int target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "tcp-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String address() {
		return "127.0.0.1:" + this.server.getLocalPort();
	}

	void target(int port) {
		this.target = port;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				try {
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
					this.sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					client.close();
				}
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

}
