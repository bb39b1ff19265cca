package org.treatmentnetwork.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of the suite as {@link SuiteTopology} declares it: what it runs, with which
 * heap, JVM options, arguments and environment, and which port tells that it is ready.
 * {@link Stack} turns it into a {@link ManagedProcess}.
 *
 * @param name the process name, also the name of its log file
 * @param description what it is, for messages
 * @param kind how it is started and when it counts as ready
 * @param program the main class ({@link Kind#INFRASTRUCTURE}) or the module whose jar
 * runs ({@link Kind#SERVICE})
 * @param heap the heap option, such as {@code -Xmx384m}
 * @param jvmOptions further JVM options
 * @param arguments the program's arguments
 * @param environment what is added to, or overrides, the inherited environment
 * @param readinessPort the port that tells that it is ready
 */
record Component(String name, String description, Kind kind, String program, String heap, List<String> jvmOptions,
		List<String> arguments, Map<String, String> environment, int readinessPort) {

	Component {
		jvmOptions = List.copyOf(jvmOptions);
		arguments = List.copyOf(arguments);
		environment = Map.copyOf(environment);
	}

	/**
	 * How a component is started and when it counts as ready.
	 */
	enum Kind {

		/**
		 * A main class on this module's class path ({@code local-stack.jar} and
		 * {@code lib/}); ready once something listens on its port. Started first and
		 * stopped last.
		 */
		INFRASTRUCTURE,

		/**
		 * A module's jar ({@code <module>/target/<module>.jar}); ready once
		 * {@code /actuator/health/readiness} on its port answers {@code 200}.
		 */
		SERVICE

	}

	/**
	 * A process of the infrastructure, without arguments or environment yet.
	 * @param name the process name
	 * @param description what it is
	 * @param mainClass the class it runs
	 * @param heap the heap option
	 * @param port the port it listens on once ready
	 * @return the component
	 */
	static Component infrastructure(String name, String description, String mainClass, String heap, int port) {
		return new Component(name, description, Kind.INFRASTRUCTURE, mainClass, heap, List.of(), List.of(), Map.of(),
				port);
	}

	/**
	 * A service run from its module's jar, without arguments or environment yet.
	 * @param module the module, also the process name
	 * @param heap the heap option
	 * @param port the port it serves
	 * @param managementPort the port of its actuator (the same as {@code port} unless it
	 * has a management port of its own)
	 * @return the component
	 */
	static Component service(String module, String heap, int port, int managementPort) {
		return service(module, module, heap, port, managementPort);
	}

	/**
	 * One instance of a service run from its module's jar, without arguments or
	 * environment yet.
	 * @param name the process name, such as {@code intake-service-2}
	 * @param module the module whose jar runs
	 * @param heap the heap option
	 * @param port the port it serves
	 * @param managementPort the port of its actuator
	 * @return the component
	 */
	static Component service(String name, String module, String heap, int port, int managementPort) {
		return new Component(name, name + " on port " + port, Kind.SERVICE, module, heap, List.of(), List.of(),
				Map.of(), managementPort);
	}

	Component withJvmOption(String option) {
		List<String> options = new ArrayList<>(this.jvmOptions);
		options.add(option);
		return new Component(this.name, this.description, this.kind, this.program, this.heap, options, this.arguments,
				this.environment, this.readinessPort);
	}

	Component withArguments(Object... values) {
		List<String> all = new ArrayList<>(this.arguments);
		for (Object value : values) {
			all.add(String.valueOf(value));
		}
		return new Component(this.name, this.description, this.kind, this.program, this.heap, this.jvmOptions, all,
				this.environment, this.readinessPort);
	}

	Component withEnvironment(Map<String, String> variables) {
		Map<String, String> all = new LinkedHashMap<>(this.environment);
		all.putAll(variables);
		return new Component(this.name, this.description, this.kind, this.program, this.heap, this.jvmOptions,
				this.arguments, all, this.readinessPort);
	}

	Component withEnvironment(String variable, Object value) {
		return withEnvironment(Map.of(variable, String.valueOf(value)));
	}

}
