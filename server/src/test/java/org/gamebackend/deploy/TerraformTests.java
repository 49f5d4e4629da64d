package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/ without providers (terraform validate needs them from the registry): `terraform fmt`-style layout, every
 * {@code var.*}, {@code local.*} and {@code module.*.*} reference resolves, every declared variable is used, module
 * calls pass only inputs the module declares and every input it requires; and `terraform fmt -check` itself when a
 * terraform binary is on the PATH.
 */
class TerraformTests {

    static final String INFRA = "infra";
    static final List<String> MODULES =
            List.of("infra", "infra/modules/game-backend", "infra/modules/managed-services");
    private static final Pattern BLOCK =
            Pattern.compile("^(variable|output|module|locals)\\s*(?:\"([^\"]+)\")?\\s*\\{", Pattern.MULTILINE);
    private static final Pattern VAR_REF = Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern LOCAL_REF = Pattern.compile("\\blocal\\.([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern MODULE_REF =
            Pattern.compile("\\bmodule\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\[[^]]*])?\\.([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern ARGUMENT = Pattern.compile("^  ([A-Za-z_][A-Za-z0-9_]*)\\s*=", Pattern.MULTILINE);
    private static final Set<String> META = Set.of("source", "count", "for_each", "depends_on", "providers", "version");

    @Test
    void filesAreLaidOutAsTerraformFmtWould() {
        for (Path file : Repo.list(INFRA, ".tf")) {
            String text = Repo.read(file);
            assertThat(text).as("%s ends with a newline", file).endsWith("\n");
            String[] lines = text.split("\n", -1);
            int level = 0;
            int balance = 0;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String where = file + ":" + (i + 1);
                assertThat(line).as("%s has no tab", where).doesNotContain("\t");
                assertThat(line).as("%s has no trailing space", where).doesNotMatch(".*\\s+$");
                String code = line.strip();
                if (code.isEmpty()) {
                    continue;
                }
                int closing = code.startsWith("}") || code.startsWith("]") || code.startsWith(")") ? 1 : 0;
                int indent = line.length() - line.stripLeading().length();
                if (!code.startsWith("#")) {
                    assertThat(indent)
                            .as("%s is indented two spaces per level", where)
                            .isEqualTo(2 * (level - closing));
                }
                // `[{` opens one indentation level, as terraform fmt lays it out
                int net = net(code);
                balance += net;
                level += Integer.signum(net);
            }
            assertThat(balance).as("%s has balanced brackets", file).isZero();
        }
    }

    @Test
    void terraformFmtAgreesWhenTerraformIsInstalled() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-no-color", INFRA)
                    .directory(Repo.root().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            return; // the layout test above stands in for it
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("terraform fmt -check lists files it would change:\n%s", output)
                .isZero();
    }

    @Test
    void everyReferenceResolvesAndEveryVariableIsUsed() {
        for (String module : MODULES) {
            String code = code(module);
            Set<String> variables = blocks(code, "variable");
            Set<String> used = matches(VAR_REF, code, 1);
            assertThat(variables).as("%s declares every var.* it uses", module).containsAll(used);
            assertThat(used).as("%s uses every variable it declares", module).containsAll(variables);
            assertThat(locals(code))
                    .as("%s defines every local.* it uses", module)
                    .containsAll(matches(LOCAL_REF, code, 1));
            Matcher refs = MODULE_REF.matcher(code);
            while (refs.find()) {
                String source = moduleSources(module, code).get(refs.group(1));
                assertThat(source)
                        .as("%s: module.%s is called", module, refs.group(1))
                        .isNotNull();
                assertThat(blocks(code(source), "output"))
                        .as("%s reads module.%s.%s, an output of %s", module, refs.group(1), refs.group(2), source)
                        .contains(refs.group(2));
            }
        }
    }

    @Test
    void moduleCallsPassExactlyWhatTheModulesTake() {
        for (String module : MODULES) {
            String code = code(module);
            moduleSources(module, code).forEach((name, source) -> {
                String target = code(source);
                Set<String> inputs = blocks(target, "variable");
                Set<String> passed = arguments(block(code, "module", name));
                passed.removeAll(META);
                assertThat(inputs)
                        .as("module %s passes only inputs %s declares", name, source)
                        .containsAll(passed);
                Set<String> required = new LinkedHashSet<>();
                for (String v : inputs) {
                    if (!block(target, "variable", v).contains("default")) {
                        required.add(v);
                    }
                }
                assertThat(passed)
                        .as("module %s passes every required input of %s", name, source)
                        .containsAll(required);
            });
        }
    }

    @Test
    void theChartAndTheAppVariablesItSetsExist() {
        assertThat(code(INFRA)).contains("chart_path         = \"${path.root}/../helm/game-backend\"");
        Repo.file("helm/game-backend/Chart.yaml");
        String deploy = code("infra/modules/game-backend");
        Set<String> documented = AppEnvironment.documented();
        Matcher m = Pattern.compile("^\\s+([A-Z][A-Z0-9_]+)\\s*=", Pattern.MULTILINE)
                .matcher(deploy);
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(AppEnvironment.known(m.group(1), documented))
                    .as("infra sets %s, which the app reads", m.group(1))
                    .isTrue();
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
        Map<String, Object> values = Repo.yaml("helm/game-backend/values.yaml");
        for (String key : List.of(
                "mode",
                "replicaCount",
                "image",
                "config",
                "secrets",
                "resources",
                "autoscaling",
                "serviceMonitor",
                "ingress",
                "podAnnotations")) {
            assertThat(values).as("the module sets chart value %s", key).containsKey(key);
            assertThat(deploy).contains(key);
        }
    }

    private static int net(String code) {
        String withoutStrings = code.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        int hash = withoutStrings.indexOf('#');
        if (hash >= 0) {
            withoutStrings = withoutStrings.substring(0, hash);
        }
        int n = 0;
        for (char c : withoutStrings.toCharArray()) {
            if (c == '{' || c == '[' || c == '(') {
                n++;
            } else if (c == '}' || c == ']' || c == ')') {
                n--;
            }
        }
        return n;
    }

    /** Every .tf file of a module directory (not its sub-modules), comment lines removed. */
    static String code(String module) {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Repo.file(module))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.strip().startsWith("#")) {
                        all.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(all).as("%s holds .tf files", module).isNotEmpty();
        return all.toString();
    }

    static Set<String> blocks(String code, String type) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = BLOCK.matcher(code);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** A top-level block's text, up to its closing brace at column 0. */
    static String block(String code, String type, String name) {
        Matcher m = Pattern.compile("^" + type + "\\s+\"" + Pattern.quote(name) + "\"\\s*\\{", Pattern.MULTILINE)
                .matcher(code);
        assertThat(m.find()).as("%s \"%s\" exists", type, name).isTrue();
        int end = code.indexOf("\n}", m.end());
        return code.substring(m.end(), end < 0 ? code.length() : end);
    }

    static Set<String> arguments(String block) {
        return matches(ARGUMENT, block, 1);
    }

    private static Set<String> locals(String code) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("^locals\\s*\\{", Pattern.MULTILINE).matcher(code);
        while (m.find()) {
            int end = code.indexOf("\n}", m.end());
            out.addAll(arguments(code.substring(m.end(), end)));
        }
        return out;
    }

    private static Map<String, String> moduleSources(String module, String code) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : blocks(code, "module")) {
            Matcher source = Pattern.compile("source\\s*=\\s*\"\\./([^\"]+)\"").matcher(block(code, "module", name));
            assertThat(source.find()).as("module %s has a local source", name).isTrue();
            out.put(name, module + "/" + source.group(1));
        }
        return out;
    }

    private static Set<String> matches(Pattern p, String text, int group) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(group));
        }
        return out;
    }
}
