package io.github.aigov.governance.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API tokens: {@code gov_} and 32 random bytes (base64url), shown once. Only the token's SHA-256 is
 * kept, and a request's token is found by that hash: a token has 256 bits of entropy, so a fast hash
 * is as safe as a slow one, and checking one costs microseconds, not a password hash.
 */
public final class ApiTokens {
    private static final String PREFIX = "gov_";
    private static final Pattern FORM = Pattern.compile("gov_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** A new token. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a token's form (checked before any look-up). */
    public static boolean wellFormed(String token) {
        return token != null && FORM.matcher(token).matches();
    }

    /** The SHA-256 of the token, in hex: what is stored and looked up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
