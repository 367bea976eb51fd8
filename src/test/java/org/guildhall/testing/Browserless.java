package org.guildhall.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that keeps cookies the way a browser does (set, replaced, deleted by
 * {@code Max-Age=0}), follows no redirects, and can fill in a page's form token. For tests that
 * need what a real server sends: cookies and their attributes, headers behind a proxy.
 */
public final class Browserless {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final String base;
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private final Map<String, String> headers = new LinkedHashMap<>();

	public Browserless(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Sends this header with every request (as a proxy in front would, e.g. X-Forwarded-Proto). */
	public Browserless always(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public Map<String, String> cookies() {
		return cookies;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return send(request(path).GET());
	}

	/** Posts a form, with the pairs given (name, value, name, value ...), URL-encoded. */
	public HttpResponse<String> post(String path, String... pairs) throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/** Opens the sign-in page and signs in through its form, as a person would. */
	public HttpResponse<String> signIn(String email, String password) throws Exception {
		HttpResponse<String> form = get("/login");
		return post("/login", "username", email, "password", password, "_csrf", formToken(form.body()));
	}

	public static String formToken(String html) {
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
		if (!token.find()) {
			throw new IllegalStateException("no form token in the page: " + html);
		}
		return token.group(1);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		headers.forEach(request::header);
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
	}
}
