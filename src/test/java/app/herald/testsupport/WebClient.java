package app.herald.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that signs in through Herald's real login form, for tests that check what each address
 * answers (status codes, what a page reveals) without a browser.
 */
public class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    /** PrimeFaces' script sends each page's nonce back with its postbacks; forms posted here do the same. */
    static final String NONCE_FIELD = "primefaces.nonce";

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> nonceByViewState = new java.util.concurrent.ConcurrentHashMap<>();

    public WebClient(URL deployment) {
        this.base = URI.create(deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/");
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GET, following redirects within Herald, as a browser would. */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = send(HttpRequest.newBuilder(response.uri().resolve(location)).GET());
        }
        return response;
    }

    /** Submits the login form; returns the final page after redirects. */
    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> form = get("login.xhtml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:email", email);
        fields.put("login:password", password);
        fields.put("login:signIn", "");
        fields.put("jakarta.faces.ViewState", viewState(form.body()));
        HttpResponse<String> posted = post("login.xhtml", fields);
        if (posted.statusCode() / 100 == 3) {
            return open(relative(posted.headers().firstValue("Location").orElseThrow()));
        }
        return posted;
    }

    /** Posts the fields as a form; a form of a page this client read carries that page's script nonce, as in a browser. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> sent = new LinkedHashMap<>(fields);
        String viewState = fields.get("jakarta.faces.ViewState");
        if (viewState != null && !sent.containsKey(NONCE_FIELD) && nonceByViewState.containsKey(viewState)) {
            sent.put(NONCE_FIELD, nonceByViewState.get(viewState));
        }
        String body = sent.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with a body and one header as given, for requests a form would never send (forged Ajax postbacks). */
    public HttpResponse<String> postRaw(String path, String formBody, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header(header, value)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No Faces view state in page:\n" + html);
        }
        return m.group(1);
    }

    private String relative(String location) {
        URI target = base.resolve(location);
        return base.relativize(target).toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher state = VIEW_STATE.matcher(response.body());
            Matcher nonce = CSP_NONCE.matcher(response.body());
            if (state.find() && nonce.find()) {
                nonceByViewState.put(state.group(1), nonce.group(1));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
