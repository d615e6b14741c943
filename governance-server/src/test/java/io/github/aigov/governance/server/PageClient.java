package io.github.aigov.governance.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the pages' rules over real HTTP: a session cookie, form login,
 * and forms sent with the CSRF token of the page they came from (as a browser sends them). Redirects
 * are not followed, so a test sees each answer.
 */
public final class PageClient {
    static final String PASSWORD = "correct-horse-battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    /** The CSRF token of the last page read that had a form. */
    private String token;

    public PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An answer: status, headers, body. */
    public record Page(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String html() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String location() {
            return headers.firstValue("Location").orElse("");
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The page's text without its markup (entities left as they are). */
        public String text() {
            return html().replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + location() + " " + (t.length() > 600 ? t.substring(0, 600) : t);
        }
    }

    /** Logs in with the test password; the answer is the redirect after the login. */
    public Page login(String name) {
        get("/login");
        return form("/login", Map.of("username", name, "password", PASSWORD));
    }

    /** A client logged in as a new user of this role and organisation (with a password). */
    public static PageClient as(TestServers.Server server, io.github.aigov.governance.server.security.Role role, String organisation) {
        String name = TestServers.unique(role.name().toLowerCase());
        server.users().add(name, role, organisation, PASSWORD.toCharArray());
        PageClient c = new PageClient(server.url());
        Page p = c.login(name);
        if (p.status() != 302 || !p.location().endsWith("/dashboard")) {
            throw new IllegalStateException("login failed: " + p);
        }
        c.name = name;
        c.organisation = organisation;
        return c;
    }

    private String name;
    private String organisation;

    public String name() {
        return name;
    }

    public String organisation() {
        return organisation;
    }

    public Page get(String path) {
        Page p = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        remember(p);
        return p;
    }

    /** Sends a form with the CSRF token of the last page read. */
    public Page form(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.putIfAbsent("_csrf", token);
        }
        return formWithout(path, all);
    }

    /** Sends a form exactly as given (no CSRF token added). */
    public Page formWithout(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Page p = send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(p);
        return p;
    }

    /** Sends a multipart form with one file, and the CSRF token of the last page read. */
    public Page upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----page-" + UUID.randomUUID();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.putIfAbsent("_csrf", token);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> e : all.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Page p = send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        remember(p);
        return p;
    }

    /** Registers a system by uploading its profile (as the officer's page does); its id. */
    public String register(String profileYaml) {
        get("/systems/new");
        Page p = upload("/systems", Map.of("guideline", "version:2.0"), "profile", "profile.yaml",
                profileYaml.getBytes(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("/systems/([0-9a-f-]{36})\\?registered").matcher(p.location());
        if (p.status() != 302 || !m.find()) {
            throw new IllegalStateException("not registered: " + p);
        }
        return m.group(1);
    }

    /** Switches the pages' language (a cookie, as the switch on every page sets it). */
    public void language(String lang) {
        get("/dashboard?lang=" + lang);
    }

    private void remember(Page p) {
        if (p.contentType().startsWith("text/html")) {
            Matcher m = CSRF.matcher(p.html());
            if (m.find()) {
                token = m.group(1);
            }
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
