package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.treatmentnetwork.localstack.StackConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which addresses the running suite listens on: every process but the gateway's public
 * port only on loopback (the services with their actuator and Prometheus endpoint, the
 * gateway's management port, Kafka, the MongoDB wire-protocol server and SMTP). Read from
 * the kernel's socket table for each process, and tried from another address of this
 * machine.
 */
@ExtendWith(RunningSuite.class)
class ListeningAddressesSystemIT {

	private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

	private static final String LISTEN = "0A";

	@Test
	void everyListeningSocketButTheGatewaysPublicPortIsOnLoopback() throws IOException {
		assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
		List<Listener> listeners = new ArrayList<>(listeners(Path.of("/proc/net/tcp")));
		listeners.addAll(listeners(Path.of("/proc/net/tcp6")));
		Map<String, Set<Integer>> expectedPorts = expectedPorts(RunningSuite.config());
		int gatewayPort = RunningSuite.config().ports().gateway();

		Map<String, Long> pids = RunningSuite.stack().pids();
		assertThat(pids.keySet()).containsExactlyInAnyOrderElementsOf(expectedPorts.keySet());
		for (Map.Entry<String, Long> process : pids.entrySet()) {
			Set<Long> sockets = socketInodes(process.getValue());
			List<Listener> own = listeners.stream().filter((listener) -> sockets.contains(listener.inode())).toList();

			assertThat(own).as("listening sockets of %s", process.getKey())
				.extracting(Listener::port)
				.containsAll(expectedPorts.get(process.getKey()));
			for (Listener listener : own) {
				if (process.getKey().equals("gateway") && listener.port() == gatewayPort) {
					assertThat(listener.address().isAnyLocalAddress())
						.as("the gateway's public port %d listens on every interface", listener.port())
						.isTrue();
				}
				else {
					assertThat(listener.address().isLoopbackAddress())
						.as("%s listens on %s:%d", process.getKey(), listener.address().getHostAddress(),
								listener.port())
						.isTrue();
				}
			}
		}
	}

	@Test
	void fromAnotherAddressOfThisMachineOnlyTheGatewaysPublicPortAnswers() throws SocketException {
		Optional<InetAddress> other = nonLoopbackAddress();
		assumeTrue(other.isPresent(), "needs a non-loopback address");
		StackConfig.Ports ports = RunningSuite.config().ports();

		assertThat(connects(other.get(), ports.gateway())).as("gateway on %s", other.get()).isTrue();
		for (Map.Entry<String, Set<Integer>> process : expectedPorts(RunningSuite.config()).entrySet()) {
			for (int port : process.getValue()) {
				if (port != ports.gateway()) {
					assertThat(connects(other.get(), port)).as("%s port %d on %s", process.getKey(), port, other.get())
						.isFalse();
				}
			}
		}
	}

	private static Map<String, Set<Integer>> expectedPorts(StackConfig config) {
		StackConfig.Ports ports = config.ports();
		Map<String, Set<Integer>> expected = new LinkedHashMap<>();
		expected.put("mongodb", Set.of(ports.mongo()));
		expected.put("smtp", Set.of(ports.smtp()));
		expected.put("sms", Set.of(ports.sms()));
		expected.put("kafka", Set.of(ports.kafka(), ports.kafkaController()));
		expected.put("content-service", Set.of(ports.content()));
		expected.put("intake-service", Set.of(ports.intake()));
		expected.put("notification-service", Set.of(ports.notification()));
		expected.put("gateway", Set.of(ports.gateway(), ports.gatewayManagement()));
		return expected;
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (!address.isLinkLocalAddress() && !address.isLoopbackAddress()) {
						return Optional.of(address);
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The inodes of the sockets a process has open, from {@code /proc/<pid>/fd}. */
	private static Set<Long> socketInodes(long pid) throws IOException {
		Set<Long> inodes = new TreeSet<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "fd"))) {
			for (Path fd : fds) {
				try {
					Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
					if (socket.matches()) {
						inodes.add(Long.parseLong(socket.group(1)));
					}
				}
				catch (IOException closedMeanwhile) {
					// the descriptor was closed while listing
				}
			}
		}
		return inodes;
	}

	/**
	 * The listening sockets of a {@code /proc/net/tcp} or {@code tcp6} table: local
	 * address as hex (each 32-bit word in host byte order, little-endian here), port as
	 * hex, state {@code 0A} for listening, and the socket's inode.
	 */
	private static List<Listener> listeners(Path table) throws IOException {
		List<Listener> listeners = new ArrayList<>();
		if (!Files.isReadable(table)) {
			return listeners;
		}
		List<String> lines = Files.readAllLines(table);
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.trim().split("\\s+");
			if (columns.length < 10 || !columns[3].equals(LISTEN)) {
				continue;
			}
			String[] local = columns[1].split(":");
			listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16), Long.parseLong(columns[9])));
		}
		return listeners;
	}

	private static InetAddress address(String hex) throws UnknownHostException {
		byte[] raw = HexFormat.of().parseHex(hex);
		byte[] address = new byte[raw.length];
		for (int word = 0; word < raw.length; word += 4) {
			for (int i = 0; i < 4; i++) {
				address[word + i] = raw[word + 3 - i];
			}
		}
		return InetAddress.getByAddress(address);
	}

	private record Listener(InetAddress address, int port, long inode) {

	}

}
