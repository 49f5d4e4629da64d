package org.gamebackend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module structure of ARCHITECTURE.md honest and writes its diagram into docs/modules. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(GameBackendApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
        assertThat(MODULES.getModuleByName("accounts")).isPresent();
        assertThat(MODULES.getModuleByName("platform")).isPresent();
        assertThat(MODULES.getModuleByName("realtime")).isPresent();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws Exception {
        Path out = Path.of("../docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.write(file, stableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(Files.list(out).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-accounts.puml");
    }

    @Test
    void stableOrderSortsRunsOfComponentsRelationsAndListItemsOnly() {
        assertThat(stableOrder(List.of(
                        "@startuml",
                        "  Component(b)",
                        "  Component(a)",
                        "}",
                        "Rel(z)",
                        "Rel(y)",
                        "|* `o.g.m.B` (async) ",
                        "* `o.g.a.A` (async) ",
                        "|Properties")))
                .containsExactly(
                        "@startuml",
                        "  Component(a)",
                        "  Component(b)",
                        "}",
                        "Rel(y)",
                        "Rel(z)",
                        "|* `o.g.a.A` (async) ",
                        "* `o.g.m.B` (async) ",
                        "|Properties");
    }

    /**
     * Modulith writes components, relations and event lists in an order that changes from run to run (hash order);
     * sorting each run of such lines keeps the diagrams the same for the same code, so a fresh clone shows no change.
     */
    static List<String> stableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            if (kind.isEmpty()) {
                out.add(lines.get(i++));
                continue;
            }
            List<String> run = new ArrayList<>();
            boolean table = lines.get(i).startsWith("|* ");
            run.add(table ? lines.get(i).substring(1) : lines.get(i));
            i++;
            while (i < lines.size()
                    && kind(lines.get(i)).equals(kind)
                    && !lines.get(i).startsWith("|")) {
                run.add(lines.get(i++));
            }
            run.sort(null);
            if (table) {
                run.set(0, "|" + run.getFirst());
            }
            out.addAll(run);
        }
        return out;
    }

    private static String kind(String line) {
        String t = line.strip();
        if (t.startsWith("Rel(")) {
            return "rel";
        }
        if (t.startsWith("Component(")) {
            return "component";
        }
        return line.startsWith("* ") || line.startsWith("|* ") ? "item" : "";
    }
}
