package io.github.aigov.governance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client for the tests (the JDK's), with a caller's token. */
public record Http(String base, String token) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, headers, body. */
    public record Response(String method, String path, int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The first problem's code. */
        public String code() {
            return json().path("problems").path(0).path("code").asText();
        }

        @Override
        public String toString() {
            String t = text();
            return method + " " + path + " → " + status + " " + (t.length() > 400 ? t.substring(0, 400) : t);
        }
    }

    public Http as(String otherToken) {
        return new Http(base, otherToken);
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, headers);
    }

    public Response post(String path, String contentType, String body) {
        return send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Response put(String path, String contentType, String body) {
        return send("PUT", path, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Response send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(method, path, b.build());
    }

    public Response send(String method, String path, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(method, path, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
