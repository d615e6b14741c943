package io.github.aigov.governance.rules.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aigov.governance.InputLimits;
import io.github.aigov.governance.Location;
import io.github.aigov.governance.Message;
import io.github.aigov.governance.Problem;
import io.github.aigov.governance.ProblemCode;
import io.github.aigov.governance.Severity;
import io.github.aigov.governance.rules.internal.yaml.JsonTexts.Layout;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON read by Jackson ({@link JsonNodeReader}) is JSON read by SnakeYAML ({@link YamlReader#readAsYaml}):
 * the same nodes, the same location for every node and key, the same problems, for every shipped
 * YAML file written as JSON in every layout and for thousands of generated documents; and what
 * SnakeYAML would read otherwise is declined, so {@link YamlReader#read} reads it as before.
 *
 * <p>Each comparison first requires that the JSON reader answered: a declined document is read by
 * SnakeYAML anyway, and would compare equal whatever the JSON reader does.
 */
class JsonNodeReaderTest {
    private static final String FILE = "inventory.jsonl";
    private static final InputLimits DEFAULT = InputLimits.DEFAULT;
    private static final Path ROOT = Path.of("..");

    /** Reads {@code json} both ways; the JSON reader must answer, and answer what SnakeYAML does. */
    private static JsonNodeReader.Read assertReadAlike(String json, InputLimits limits, Object what) {
        JsonNodeReader.Read read = new JsonNodeReader(limits).read(json, FILE);
        assertThat(read).as("declined: %s%n%s", what, abbreviated(json)).isNotNull();
        Problems problems = new Problems();
        YNode yaml = new YamlReader(limits).readAsYaml(json, FILE, problems);
        assertThat(read.root()).as("nodes of %s%n%s", what, abbreviated(json)).isEqualTo(yaml);
        assertThat(read.problems()).as("problems of %s%n%s", what, abbreviated(json)).isEqualTo(problems.all());
        assertReadAsYaml(json, limits);
        return read;
    }

    /** {@link YamlReader#read}, whichever reader it uses, answers what SnakeYAML alone does. */
    private static void assertReadAsYaml(String text, InputLimits limits) {
        Problems viaRead = new Problems();
        Problems viaYaml = new Problems();
        YNode read = new YamlReader(limits).read(text, FILE, viaRead);
        YNode yaml = new YamlReader(limits).readAsYaml(text, FILE, viaYaml);
        assertThat(read).as(abbreviated(text)).isEqualTo(yaml);
        assertThat(viaRead.all()).as(abbreviated(text)).isEqualTo(viaYaml.all());
    }

    private static String abbreviated(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
    }

    private static InputLimits limits(int maxDepth, int maxNodes) {
        return new InputLimits(1 << 20, maxDepth, 50, maxNodes);
    }

    // -- the equivalence, over shipped files and generated documents

    /** Every shipped definition, sample profile and overlay, and every seed of the fuzz tests that SnakeYAML reads without a problem. */
    static Stream<Path> yamlFiles() throws IOException, URISyntaxException {
        List<Path> files = new ArrayList<>();
        Path seeds = Path.of(JsonNodeReaderTest.class.getResource("/io/github/aigov/governance/rules/LoaderFuzzTestInputs").toURI());
        for (Path dir : List.of(ROOT.resolve("checklists/src/main/resources/ds920"), ROOT.resolve("examples/projects"),
                ROOT.resolve("examples/overlays"), seeds)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        List<Path> readable = files.stream().filter(p -> {
            Problems problems = new Problems();
            new YamlReader(DEFAULT).readAsYaml(text(p), p.toString(), problems);
            return problems.all().isEmpty();
        }).toList();
        assertThat(readable).hasSizeGreaterThan(80);
        return readable.stream();
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the seed that is not UTF-8: SnakeYAML finds the document empty, and it is left out
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlFiles")
    void everyShippedFileWrittenAsJsonIsReadAlikeInEveryLayout(Path file) {
        Object tree = JsonTexts.tree(new YamlReader(DEFAULT).readAsYaml(text(file), file.toString(), new Problems()));
        for (Layout layout : Layout.values()) {
            String json = JsonTexts.write(tree, layout);
            if (json.chars().skip(1).anyMatch(c -> JsonTexts.unsafeRaw((char) c) && c != '\n' && c != '\r')) {
                // INVENTORY writes what the generator writes: raw characters. One fuzz seed has a BOM
                // inside a text, which SnakeYAML reads as no column: declined.
                assertThat(layout).isEqualTo(Layout.INVENTORY);
                assertThat(new JsonNodeReader(DEFAULT).read(json, FILE)).isNull();
                assertReadAsYaml(json, DEFAULT);
            } else {
                assertReadAlike(json, DEFAULT, file + " as " + layout);
            }
        }
    }

    @Test
    void generatedDocumentsAreReadAlikeInEveryLayout() {
        Random random = new Random(920);
        for (int i = 0; i < 600; i++) {
            Object tree = root(random);
            for (Layout layout : Layout.values()) {
                if (layout != Layout.INVENTORY) { // writes every character raw, as the generator's profiles need
                    assertReadAlike(JsonTexts.write(tree, layout), DEFAULT, "document " + i + " as " + layout);
                }
            }
        }
    }

    /** A random map or list: {@link YamlReader#read} gives only those to the JSON reader. */
    private static Object root(Random random) {
        Object tree;
        do {
            tree = JsonTexts.randomTree(random, 5);
        } while (!(tree instanceof Map || tree instanceof List));
        return tree;
    }

    @Test
    void inventoryLinesAreReadAlike() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String line = JsonTexts.write(JsonTexts.inventoryProfile(random, i), Layout.INVENTORY);
            assertThat(line).doesNotContain("\n");
            assertReadAlike(line, DEFAULT, "inventory line " + i);
        }
    }

    /**
     * With random white space between tokens and random escaping, SnakeYAML reads some of the
     * documents otherwise (a key whose ':' is on the next line, a tab, {@code \/}, a raw LS or
     * DEL): the JSON reader must answer alike or decline, and answer most.
     */
    @Test
    void scrambledDocumentsAreReadAlikeOrDeclined() {
        Random random = new Random(1947);
        int alike = 0;
        int declined = 0;
        for (int i = 0; i < 3000; i++) {
            Object tree = i % 3 == 0 ? JsonTexts.inventoryProfile(random, i) : root(random);
            String json = JsonTexts.scrambled(tree, random);
            if (new JsonNodeReader(DEFAULT).read(json, FILE) == null) {
                declined++;
                assertReadAsYaml(json, DEFAULT);
            } else {
                assertReadAlike(json, DEFAULT, "scrambled document " + i);
                alike++;
            }
        }
        System.out.printf("scrambled: %d read alike, %d declined%n", alike, declined);
        assertThat(alike).isGreaterThan(1000);
        assertThat(declined).isGreaterThan(300);
    }

    // -- what the nodes are, stated, not only compared

    @Test
    void stringsAreQuotedScalarsAndOtherScalarsPlainAsWritten() {
        String json = "{\"s\":\"1.50\",\"n\":1.50,\"e\":-2.5E-03,\"t\":true,\"f\":false,\"z\":null,\"l\":[\"\",[]],\"m\":{}}";
        YNode.YMap root = (YNode.YMap) assertReadAlike(json, DEFAULT, "scalars").root();
        assertThat(root.get("s")).isEqualTo(new YNode.YScalar("1.50", false, new Location(FILE, 1, 6, "")));
        assertThat(root.get("n")).isEqualTo(new YNode.YScalar("1.50", true, new Location(FILE, 1, 17, "")));
        assertThat(root.get("e")).isEqualTo(new YNode.YScalar("-2.5E-03", true, new Location(FILE, 1, 26, "")));
        assertThat(root.get("t")).isEqualTo(new YNode.YScalar("true", true, new Location(FILE, 1, 39, "")));
        assertThat(((YNode.YScalar) root.get("z")).isNull()).isTrue();
        assertThat(root.get("l")).isEqualTo(new YNode.YList(List.of(new YNode.YScalar("", false, new Location(FILE, 1, 68, "")),
                new YNode.YList(List.of(), new Location(FILE, 1, 71, ""))), new Location(FILE, 1, 67, "")));
        assertThat(root.entries().get(7).keyLocation()).isEqualTo(new Location(FILE, 1, 75, ""));
    }

    @Test
    void columnsCountCharactersNotUtf16UnitsAndABomIsNoColumn() {
        YNode.YMap root = (YNode.YMap) assertReadAlike("\uFEFF{\"e\":\"😀😀\",\"b\":[\"𝄞\",2]}", DEFAULT, "emoji").root();
        assertThat(root.location()).isEqualTo(new Location(FILE, 1, 1, ""));
        assertThat(root.entries().get(1).keyLocation()).isEqualTo(new Location(FILE, 1, 11, ""));
        assertThat(((YNode.YList) root.get("b")).items().get(1).location()).isEqualTo(new Location(FILE, 1, 20, ""));

        YNode.YMap crlf = (YNode.YMap) assertReadAlike("{\r\n  \"a\": \"😀\",\r\n\r\n  \"b\": 1\r}", DEFAULT, "line ends").root();
        assertThat(crlf.entries().get(1).keyLocation()).isEqualTo(new Location(FILE, 4, 3, ""));
        assertThat(crlf.get("b").location()).isEqualTo(new Location(FILE, 4, 8, ""));
    }

    @Test
    void escapesAreDecodedAsSnakeYamlDecodesThem() {
        String json = "[\"\\\"\\\\\\b\\f\\n\\r\\t\\u00e9\\u0000\\ud83d\\ude00\\ud800 \\uDC00\"]";
        YNode.YList root = (YNode.YList) assertReadAlike(json, DEFAULT, "escapes").root();
        assertThat(((YNode.YScalar) root.items().get(0)).value()).isEqualTo("\"\\\b\f\n\r\té\u0000😀\ud800 \udc00");
    }

    @Test
    void anEscapedSlashIsDeclinedButNotABackslashBeforeASlash() {
        YNode.YList root = (YNode.YList) assertReadAlike("[\"a\\\\/b\", \"/\"]", DEFAULT, "a backslash, then a slash").root();
        assertThat(((YNode.YScalar) root.items().get(0)).value()).isEqualTo("a\\/b");
        for (String json : List.of("[\"a\\/b\"]", "[\"a\\\\\\/b\"]", "[\"\\/\"]")) {
            assertThat(new JsonNodeReader(DEFAULT).read(json, FILE)).as(json).isNull();
            assertReadAsYaml(json, DEFAULT);
        }
    }

    /** SnakeYAML drops a key whose ':' is more than 1024 characters from its start: longer keys are declined. */
    @Test
    void aKeyUpTo1024CharactersFromItsColonIsReadLongerOnesAreDeclined() {
        for (String space : List.of("", "  ")) {
            for (int length = 1018; length <= 1026; length++) {
                String json = "{\"" + "k".repeat(length) + "\"" + space + ":1,\"z\":2}";
                if (1 + length + 1 + space.length() <= 1024) {
                    assertReadAlike(json, DEFAULT, "a key of " + length);
                } else {
                    assertThat(new JsonNodeReader(DEFAULT).read(json, FILE)).as("a key of %d", length).isNull();
                    assertReadAsYaml(json, DEFAULT);
                }
            }
        }
        // counted in characters: 600 emoji are 1200 UTF-16 units but 600 characters
        assertReadAlike("{\"" + "😀".repeat(600) + "\":1}", DEFAULT, "a key of emoji");
    }

    // -- duplicate keys

    @Test
    void aDuplicateKeyIsReportedWhereItIsWrittenAndTheFirstValueKept() {
        String json = "{\"id\":\"one\",\n \"id\":\"two\", \"x\":{\"id\":1,\"id\":2},\n\"id\":{\"inner\":{\"d\":1,\"d\":2}}}";
        JsonNodeReader.Read read = assertReadAlike(json, DEFAULT, "duplicates");
        assertThat(read.problems()).containsExactly(
                duplicate("id", 2, 2), duplicate("id", 2, 26), duplicate("id", 3, 1));
        YNode.YMap root = (YNode.YMap) read.root();
        assertThat(root.entries()).extracting(YNode.Entry::key).containsExactly("id", "x");
        assertThat(((YNode.YScalar) root.get("id")).value()).isEqualTo("one");
    }

    @Test
    void aDuplicateAmongManyKeysIsFoundToo() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            json.append("\"k").append(i).append("\":").append(i).append(',');
        }
        json.append("\"k7\":0,\"k39\":0}");
        JsonNodeReader.Read read = assertReadAlike(json.toString(), DEFAULT, "many keys");
        assertThat(read.problems()).extracting(p -> p.message().args()).containsExactly(List.of("k7"), List.of("k39"));
        assertThat(((YNode.YMap) read.root()).entries()).hasSize(40);
    }

    private static Problem duplicate(String key, int line, int column) {
        return new Problem(ProblemCode.DUPLICATE_ID, Severity.ERROR, new Location(FILE, line, column, ""),
                Message.of("problem.yaml.duplicate-key", key), null);
    }

    // -- the limits

    @Test
    void theDepthLimitRefusesWhatSnakeYamlRefusesAtTheFile() {
        for (int limit = 1; limit <= 4; limit++) {
            for (int depth = 0; depth <= 6; depth++) {
                // the deepest node: a scalar at depth + 1, a key and its value, or an empty map or list at depth
                Map<String, Integer> deepest = Map.of("[".repeat(depth + 1) + "1" + "]".repeat(depth + 1), depth + 1,
                        "{\"a\":".repeat(depth) + "{\"k\":\"v\"}" + "}".repeat(depth), depth + 1,
                        "[".repeat(depth) + "{}" + "]".repeat(depth), depth,
                        "{\"d\":1,\"d\":2,\"a\":".repeat(depth) + "[]" + "}".repeat(depth), depth);
                for (Map.Entry<String, Integer> e : deepest.entrySet()) {
                    JsonNodeReader.Read read = assertReadAlike(e.getKey(), limits(limit, 100_000), "limit " + limit);
                    if (e.getValue() > limit) {
                        assertThat(read.root()).isNull();
                        assertThat(read.problems()).containsExactly(new Problem(ProblemCode.LIMIT_EXCEEDED, Severity.ERROR,
                                Location.of(FILE), Message.of("problem.limit.depth", limit), Message.of("hint.limits")));
                    } else {
                        assertThat(read.root()).as("%s at limit %d", e.getKey(), limit).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void aDocumentTooDeepForJacksonIsLeftToSnakeYaml() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThat(assertReadAlike(deep, DEFAULT, "200 deep").problems()).extracting(p -> p.message().key())
                .containsExactly("problem.limit.depth");
        String deeper = "[".repeat(1500) + "]".repeat(1500);
        assertThat(new JsonNodeReader(DEFAULT).read(deeper, FILE)).isNull();
        assertReadAsYaml(deeper, DEFAULT);
    }

    @Test
    void theNodeLimitStopsWhereYamlReadersConverterStops() {
        // nodes in the order the converter counts them: the map, [..], 1, 2, {..}, 3, "x" (keys are not nodes)
        String json = "{\"a\":[1,2,{\"b\":3}],\"c\":\"x\"}";
        int[] columns = {1, 6, 7, 9, 11, 16, 24};
        for (int max = 1; max <= 8; max++) {
            JsonNodeReader.Read read = assertReadAlike(json, limits(64, max), "at most " + max + " nodes");
            if (max < columns.length) {
                assertThat(read.root()).isNull();
                assertThat(read.problems()).containsExactly(new Problem(ProblemCode.LIMIT_EXCEEDED, Severity.ERROR,
                        new Location(FILE, 1, columns[max], ""), Message.of("problem.limit.nodes", max),
                        Message.of("hint.limits")));
            } else {
                assertThat(read.root()).isNotNull();
                assertThat(read.problems()).isEmpty();
            }
        }
    }

    @Test
    void aDuplicateKeysValueIsNotCountedAndDuplicatesAfterTheLimitAreNotReported() {
        String json = "{\"a\":1,\"a\":[1,2,3,4,5,6,7,8,9],\"b\":[1,2],\"b\":0}";
        // counted: the map, 1, [..], 1, 2: the second "a" and its list are not
        JsonNodeReader.Read read = assertReadAlike(json, limits(64, 5), "duplicate not counted");
        assertThat(read.root()).isNotNull();
        assertThat(read.problems()).containsExactly(duplicate("a", 1, 8), duplicate("b", 1, 42));
        read = assertReadAlike(json, limits(64, 4), "limit inside b");
        assertThat(read.root()).isNull();
        assertThat(read.problems()).extracting(p -> p.message().key())
                .containsExactly("problem.yaml.duplicate-key", "problem.limit.nodes");
    }

    @Test
    void theSizeLimitIsCheckedFirstInBytes() {
        String json = "{\"名前\":\"" + "あ".repeat(100) + "\"}";
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        InputLimits tight = new InputLimits(bytes - 1, 64, 50, 100_000);
        Problems problems = new Problems();
        assertThat(new YamlReader(tight).read(json, FILE, problems)).isNull();
        assertThat(problems.all()).containsExactly(new Problem(ProblemCode.LIMIT_EXCEEDED, Severity.ERROR, Location.of(FILE),
                Message.of("problem.limit.size", bytes, bytes - 1), Message.of("hint.limits")));
        assertReadAsYaml(json, tight);
        assertReadAlike(json, new InputLimits(bytes, 64, 50, 100_000), "exactly the limit");
    }

    // -- what is left to SnakeYAML

    @ParameterizedTest
    @ValueSource(strings = {
        "{a: b, c: [1, 2]}", "{\"a\": 1} # a comment", "{\"a\": 1}\n# a comment\n", "[1, 2, ]", "{'a': 1}",
        "{\"a\": yes}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}", "{\"a\": NaN}", "{\"a\": !!str 1}", "[&x 1, *x]",
        "{\"a\": 1}: b", "[1]\n---\n[2]\n", "{\"a\":1}\n...\n", "{\"a\":1}\n{\"b\":2}", "{\"a\":1} {\"b\":2}",
        "{\"a\":\"x\\/y\"}", "{\"a\":\t1}", "\t{\"a\":1}", "{\"a\"\n: 1}", "{\"a\"\r\n: 1}", "{\"a\":\"x\u0085y\"}",
        "{\"a\":\"x\u2028y\"}", "{\"a\":\"x\u2029y\"}", "{\"a\":\"\u007f\"}", "{\"a\":\"\u0080\"}", "{\"a\":\"\ud800\"}",
        "{\"a\":\"\udc00\ud800\"}", "{\"a\":\"\ufeff\"}", "{\"a\":\"\uffff\"}", "{\"a\": 1",
        "{\"a\": [1, 2}", "[1]]", "{\"a\" 1}", "[\"a\nb\"]", "{\"a\":\"\u0001\"}", "[1 2]", "{,}",
    })
    void whatSnakeYamlWouldReadOtherwiseIsDeclinedAndReadAsBefore(String text) {
        assertThat(JsonNodeReader.startsLikeJson(text)).isTrue();
        assertThat(new JsonNodeReader(DEFAULT).read(text, FILE)).isNull();
        assertReadAsYaml(text, DEFAULT);
    }

    @Test
    void yamlFlowStyleStillReadsAsYaml() {
        Problems problems = new Problems();
        YNode root = new YamlReader(DEFAULT).read("{a: b, c: [1, 'x']}", FILE, problems);
        assertThat(problems.all()).isEmpty();
        assertThat(root).isEqualTo(new YNode.YMap(List.of(
                new YNode.Entry("a", new Location(FILE, 1, 2, ""), new YNode.YScalar("b", true, new Location(FILE, 1, 5, ""))),
                new YNode.Entry("c", new Location(FILE, 1, 8, ""), new YNode.YList(List.of(
                        new YNode.YScalar("1", true, new Location(FILE, 1, 12, "")),
                        new YNode.YScalar("x", false, new Location(FILE, 1, 15, ""))), new Location(FILE, 1, 11, "")))),
                new Location(FILE, 1, 1, "")));
    }

    @Test
    void brokenJsonIsRefusedInTheLibrarysOwnWords() {
        Problems problems = new Problems();
        assertThat(new YamlReader(DEFAULT).read("{\"a\": [1, 2}", FILE, problems)).isNull();
        assertThat(problems.all()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
            assertThat(p.message().key()).isEqualTo("problem.yaml.syntax");
            assertThat(p.message().args()).containsExactly("}"); // what stands where it stops being well formed
            assertThat(p.location()).isEqualTo(new Location(FILE, 1, 12, ""));
        });
    }

    @Test
    void emptyDocumentsAndSecondValuesAreReportedAsBefore() {
        for (String text : List.of("", "  \n", "\ufeff", "\n\n")) {
            Problems problems = new Problems();
            assertThat(new YamlReader(DEFAULT).read(text, FILE, problems)).isNull();
            assertThat(problems.all()).extracting(p -> p.message().key()).containsExactly("problem.yaml.empty");
        }
        Problems problems = new Problems();
        new YamlReader(DEFAULT).read("[1]\n---\n[2]\n", FILE, problems);
        assertThat(problems.all()).extracting(p -> p.message().key()).containsExactly("problem.yaml.multiple-documents");
        problems = new Problems();
        new YamlReader(DEFAULT).read("{\"a\":1}\n{\"b\":2}\n", FILE, problems);
        assertThat(problems.all()).extracting(p -> p.code()).containsExactly(ProblemCode.YAML_SYNTAX);
    }

    /**
     * The fuzz tests' JSON seeds cannot say what they are in a leading comment (it would make them
     * YAML): their names say which reader reads them, and so they keep exercising what they are for.
     */
    @Test
    void eachJsonSeedOfTheFuzzTestsIsReadByTheReaderItsNameSays() throws IOException, URISyntaxException {
        Path seeds = Path.of(JsonNodeReaderTest.class.getResource("/io/github/aigov/governance/rules/LoaderFuzzTestInputs").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(seeds)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("json-")
                    || p.getFileName().toString().equals("yaml-flow-style-starts-like-json.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(JsonNodeReader.startsLikeJson(text)).as("%s", file).isTrue();
            JsonNodeReader.Read read = new JsonNodeReader(DEFAULT).read(text, FILE);
            String name = file.getFileName().toString();
            if (name.startsWith("json-for-snakeyaml-") || name.startsWith("yaml-")) {
                assertThat(read).as("%s is declined", file).isNull();
                assertReadAsYaml(text, DEFAULT);
            } else {
                assertReadAlike(text, DEFAULT, file);
            }
        }
    }

    @Test
    void onlyAnObjectOrAnArrayStartsLikeJson() {
        assertThat(JsonNodeReader.startsLikeJson("{}")).isTrue();
        assertThat(JsonNodeReader.startsLikeJson("\ufeff \r\n\t[1]")).isTrue();
        assertThat(JsonNodeReader.startsLikeJson("\"text\"")).isFalse();
        assertThat(JsonNodeReader.startsLikeJson("# comment\n{}")).isFalse();
        assertThat(JsonNodeReader.startsLikeJson("id: x")).isFalse();
        assertThat(JsonNodeReader.startsLikeJson("  ")).isFalse();
        for (String scalar : List.of("\"text\"", "1.50", "null", " true ")) {
            assertThat(new JsonNodeReader(DEFAULT).read(scalar, FILE)).as(scalar).isNull();
        }
    }
}
