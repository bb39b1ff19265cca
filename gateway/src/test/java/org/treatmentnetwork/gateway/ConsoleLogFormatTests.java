package org.treatmentnetwork.gateway;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own {@code logback-spring.xml} honours
 * {@code logging.structured.format.console} as Boot's default configuration does: plain
 * text without it, one JSON object per line with it, for every logger and for the access
 * log behind its background thread alike. Each case configures a logger context of its
 * own from the file, as Boot does at startup, so the suite's logging is left alone.
 */
class ConsoleLogFormatTests {

	private static final String ACCESS_LOGGER = "org.treatmentnetwork.gateway.access";

	@Test
	void withoutTheSettingTheConsoleWritesPlainText() throws JoranException {
		LoggerContext context = configure(null);

		Encoder<ILoggingEvent> encoder = consoleEncoder(context);

		assertThat(encoder).isInstanceOf(PatternLayoutEncoder.class);
		assertThat(line(encoder, context)).doesNotStartWith("{").contains("GET /api/content/articles 200 3ms");
		assertThat(accessConsole(context)).isSameAs(rootConsole(context));
	}

	@Test
	void ecsMakesEveryLineAJsonObject() throws JoranException {
		LoggerContext context = configure("ecs");

		Encoder<ILoggingEvent> encoder = consoleEncoder(context);

		assertThat(encoder).isInstanceOf(StructuredLogEncoder.class);
		JsonNode line = JsonMapper.builder().build().readTree(line(encoder, context));
		assertThat(line.path("message").asString()).isEqualTo("GET /api/content/articles 200 3ms");
		assertThat(line.path("log").path("logger").asString()).isEqualTo(ACCESS_LOGGER);
		assertThat(line.path("ecs").path("version").isMissingNode()).isFalse();
		assertThat(accessConsole(context)).isSameAs(rootConsole(context));
	}

	private static LoggerContext configure(String structuredFormat) throws JoranException {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		StandardEnvironment environment = new StandardEnvironment();
		context.putObject(Environment.class.getName(), environment);
		if (structuredFormat != null) {
			// What Boot's logging system sets from logging.structured.format.console.
			context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", structuredFormat);
		}
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(ConsoleLogFormatTests.class.getResource("/logback-spring.xml"));
		return context;
	}

	@SuppressWarnings("unchecked")
	private static Encoder<ILoggingEvent> consoleEncoder(LoggerContext context) {
		return ((ConsoleAppender<ILoggingEvent>) rootConsole(context)).getEncoder();
	}

	private static Object rootConsole(LoggerContext context) {
		Object console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
		assertThat(console).isInstanceOf(ConsoleAppender.class);
		return console;
	}

	private static Object accessConsole(LoggerContext context) {
		Object access = context.getLogger(ACCESS_LOGGER).getAppender("ACCESS");
		assertThat(access).isInstanceOf(AsyncAppender.class);
		return ((AsyncAppender) access).getAppender("CONSOLE");
	}

	private static String line(Encoder<ILoggingEvent> encoder, LoggerContext context) {
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(ACCESS_LOGGER), Level.INFO,
				"GET /api/content/articles 200 3ms", null, null);
		return new String(encoder.encode(event), StandardCharsets.UTF_8);
	}

}
