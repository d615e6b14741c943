package io.github.aigov.governance.rules.internal.compile;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.rules.internal.load.DefinitionLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.util.Drools;
import org.kie.api.definition.KiePackage;

/**
 * Rule packages compiled when the library was built, for the shipped definition sets: compiling the
 * generated DRL (its parser and the Java compiler for the consequences) is most of a cold engine
 * build, about a second of a command-line run.
 *
 * <p>The build runs {@link #main} after compiling this module: it generates each shipped set's DRL
 * exactly as {@link RuleCompiler} does and stores the compiled packages as a class-path resource named
 * by the {@linkplain #key key} of that DRL, that is its SHA-256 together with the Drools version. An
 * engine build generates the DRL of its definitions (cheap) and uses a stored package only if one has
 * exactly that key; any other set, an overlay that changes a rule, or another Drools version compiles
 * as before. What the engine runs is therefore always the compilation of the DRL its definitions
 * produce; tests compare both ways over the whole answer space.
 *
 * <p>The packages are Drools' own serialized form, read only from this library's class path, never from
 * a file a user names; the reader accepts only the JDK's, Drools' (and MVEL's) and this library's classes.
 */
public final class PrebuiltRules {
    /** Where the packages are, on the class path. */
    static final String DIRECTORY = "io/github/aigov/governance/rules/prebuilt/";
    static final String SUFFIX = ".kpkg";

    private PrebuiltRules() {
    }

    /** The key of a DRL text: what must match for a stored package to stand for its compilation. */
    public static String key(String drl) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        d.update(("drools " + Drools.getFullVersion() + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest(drl.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The packages compiled at build time from exactly this DRL, if the library holds them; empty if it
     * does not, or if they cannot be read (then the caller compiles, as for any other set).
     */
    public static Optional<Collection<KiePackage>> find(String drl) {
        return find(drl, PrebuiltRules.class.getClassLoader());
    }

    /** {@link #find(String)} on another class path (tests). */
    static Optional<Collection<KiePackage>> find(String drl, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DIRECTORY + key(drl) + SUFFIX)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(in.readAllBytes(), loader));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Collection<KiePackage> read(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(PrebuiltRules::allowed);
            Object packages = in.readObject();
            List<KiePackage> list = new ArrayList<>();
            for (Object p : (Collection<Object>) packages) {
                list.add((KiePackage) p);
            }
            return list;
        }
    }

    /** Only the classes a compiled package is made of. */
    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        while (c != null && c.isArray()) {
            c = c.getComponentType();
        }
        if (c == null || c.isPrimitive()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        String name = c.getName();
        return name.startsWith("java.") || name.startsWith("org.drools.") || name.startsWith("org.kie.")
                || name.startsWith("org.mvel2.") || name.startsWith("io.github.aigov.governance.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    /** Drools' serialized form of compiled packages. */
    static byte[] write(Collection<KiePackage> packages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(packages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Run by the build: compiles every shipped definition set and stores its packages under
     * {@code args[0]} (the module's class output), replacing any stored before.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrebuiltRules OUTPUT-DIRECTORY");
        }
        Path dir = Path.of(args[0]).resolve(DIRECTORY);
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        DefinitionLoader loader = new DefinitionLoader(InputLimits.DEFAULT);
        RuleCompiler compiler = new RuleCompiler();
        for (String version : loader.shipped().versions().keySet()) {
            String drl = compiler.drl(loader.loadShipped(version));
            Path file = dir.resolve(key(drl) + SUFFIX);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.write(tmp, write(RuleCompiler.packages(drl)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
