package org.treatmentnetwork.localstack.sms;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the simulator reads from a TwiML document: the text of every {@code <Say>} (the
 * spoken text, in document order, those inside a {@code <Gather>} included), the first
 * {@code <Gather>} and every {@code <Message>}. Other verbs are ignored. No DTD, entity
 * or external resource is ever read.
 *
 * @param says the text of each {@code <Say>}, trimmed
 * @param gather the first {@code <Gather>}, or {@code null}
 * @param messages the {@code <Message>} verbs
 */
record TwiML(List<String> says, Gather gather, List<MessageVerb> messages) {

	/** The empty document, for an empty answer. */
	static final TwiML EMPTY = new TwiML(List.of(), null, List.of());

	TwiML {
		says = List.copyOf(says);
		messages = List.copyOf(messages);
	}

	/**
	 * A {@code <Gather>}.
	 *
	 * @param action its {@code action} URL, or {@code null}
	 * @param method {@code POST} (the default) or {@code GET}
	 * @param numDigits its {@code numDigits}, or {@code null}
	 * @param timeout its {@code timeout} in seconds, or {@code null}
	 */
	record Gather(String action, String method, Integer numDigits, Integer timeout) {
	}

	/**
	 * A {@code <Message>}.
	 *
	 * @param body its text (or that of its {@code <Body>})
	 * @param to its {@code to} attribute, or {@code null}
	 */
	record MessageVerb(String body, String to) {
	}

	/**
	 * The spoken text: every {@code <Say>}, separated by a space.
	 * @return the text, empty if nothing is said
	 */
	String spoken() {
		return String.join(" ", this.says);
	}

	/**
	 * Reads a document.
	 * @param xml the TwiML
	 * @return what it says, gathers and sends; {@link #EMPTY} for a blank text
	 * @throws IllegalArgumentException if it is not a TwiML {@code <Response>}
	 */
	static TwiML parse(String xml) {
		if (xml == null || xml.isBlank()) {
			return EMPTY;
		}
		Document document;
		try {
			DocumentBuilder builder = factory().newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not read");
			});
			document = builder.parse(new InputSource(new StringReader(xml.strip())));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalArgumentException("not well-formed TwiML: " + ex.getMessage(), ex);
		}
		Element root = document.getDocumentElement();
		if (!"Response".equals(root.getTagName())) {
			throw new IllegalArgumentException(
					"TwiML must have <Response> as its root, not <" + root.getTagName() + ">");
		}
		List<String> says = new ArrayList<>();
		List<MessageVerb> messages = new ArrayList<>();
		Gather[] gather = new Gather[1];
		read(root, says, messages, gather);
		return new TwiML(says, gather[0], messages);
	}

	private static void read(Element parent, List<String> says, List<MessageVerb> messages, Gather[] gather) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (!(node instanceof Element element)) {
				continue;
			}
			switch (element.getTagName()) {
				case "Say" -> {
					String text = collapse(element.getTextContent());
					if (!text.isEmpty()) {
						says.add(text);
					}
				}
				case "Gather" -> {
					if (gather[0] == null) {
						gather[0] = new Gather(
								attribute(element, "action"), (attribute(element, "method") != null)
										? attribute(element, "method").toUpperCase() : "POST",
								integer(element, "numDigits"), integer(element, "timeout"));
					}
					read(element, says, messages, gather);
				}
				case "Message" -> messages.add(new MessageVerb(messageBody(element), attribute(element, "to")));
				default -> {
					// Play, Pause, Hangup, Redirect and the rest change nothing here.
				}
			}
		}
	}

	private static String messageBody(Element message) {
		for (Node node = message.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals("Body")) {
				return element.getTextContent().strip();
			}
		}
		StringBuilder text = new StringBuilder();
		for (Node node = message.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(node.getNodeValue());
			}
		}
		return text.toString().strip();
	}

	private static String collapse(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	private static String attribute(Element element, String name) {
		String value = element.getAttribute(name).strip();
		return value.isEmpty() ? null : value;
	}

	private static Integer integer(Element element, String name) {
		String value = attribute(element, name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("<Gather " + name + "> is not a number: " + value);
		}
	}

	private static DocumentBuilderFactory factory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(false);
		return factory;
	}

}
