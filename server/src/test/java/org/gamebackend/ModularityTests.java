package org.gamebackend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(Files.list(out).map(p -> p.getFileName().toString()))
                .contains("components.puml", "module-accounts.puml");
    }
}
