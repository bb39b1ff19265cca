package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message and call, in memory and as one JSON file each under the data folder
 * ({@code messages/<sid>.json}, {@code calls/<sid>.json}), rewritten on each change. The
 * files found at the start are loaded, so the history survives a restart.
 */
final class SimulatorStore {

	private static final Logger log = LoggerFactory.getLogger(SimulatorStore.class);

	private final Path messageDir;

	private final Path callDir;

	private final Map<String, TextMessage> messages = new ConcurrentHashMap<>();

	private final Map<String, VoiceCall> calls = new ConcurrentHashMap<>();

	SimulatorStore(Path dataDir) {
		this.messageDir = dataDir.resolve("messages");
		this.callDir = dataDir.resolve("calls");
		try {
			Files.createDirectories(this.messageDir);
			Files.createDirectories(this.callDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + dataDir, ex);
		}
		load(this.messageDir, (document) -> {
			TextMessage message = TextMessage.of(document);
			this.messages.put(message.sid(), message);
		});
		load(this.callDir, (document) -> {
			VoiceCall call = VoiceCall.of(document);
			this.calls.put(call.sid(), call);
		});
		log.info("loaded {} messages and {} calls from {}", this.messages.size(), this.calls.size(), dataDir);
	}

	private static void load(Path dir, java.util.function.Consumer<Map<String, Object>> loader) {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
			for (Path file : files) {
				try {
					loader.accept(Json.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
				}
				catch (IOException | RuntimeException ex) {
					log.warn("skipped {}: {}", file.getFileName(), ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + dir, ex);
		}
	}

	void save(TextMessage message) {
		this.messages.put(message.sid(), message);
		synchronized (message) {
			write(this.messageDir, message.sid(), message.document());
		}
	}

	void save(VoiceCall call) {
		this.calls.put(call.sid(), call);
		synchronized (call) {
			write(this.callDir, call.sid(), call.document());
		}
	}

	Optional<TextMessage> message(String sid) {
		return Optional.ofNullable(this.messages.get(sid));
	}

	Optional<VoiceCall> call(String sid) {
		return Optional.ofNullable(this.calls.get(sid));
	}

	/**
	 * The messages that match, oldest first.
	 * @param filter which messages
	 * @return the messages, in the order they were created
	 */
	List<TextMessage> messages(Predicate<TextMessage> filter) {
		return this.messages.values()
			.stream()
			.filter(filter)
			.sorted(Comparator.comparing(TextMessage::created).thenComparing(TextMessage::sid))
			.toList();
	}

	/**
	 * The calls that match, oldest first.
	 * @param filter which calls
	 * @return the calls, in the order they were placed
	 */
	List<VoiceCall> calls(Predicate<VoiceCall> filter) {
		return this.calls.values()
			.stream()
			.filter(filter)
			.sorted(Comparator.comparing(VoiceCall::created).thenComparing(VoiceCall::sid))
			.toList();
	}

	private static void write(Path dir, String sid, Map<String, Object> document) {
		Path file = dir.resolve(sid + ".json");
		Path temporary = dir.resolve(sid + ".json.tmp");
		try {
			Files.writeString(temporary, Json.writePretty(document), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			log.warn("cannot write {}: {}", file, ex.getMessage());
		}
	}

}
