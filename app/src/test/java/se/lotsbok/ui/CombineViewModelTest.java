package se.lotsbok.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lotsbok.domain.report.SigningKey;
import se.lotsbok.i18n.Texts;
import se.lotsbok.report.ExportOptions;
import se.lotsbok.report.TallyHeader;
import se.lotsbok.report.combine.CompilationFormat;
import se.lotsbok.report.combine.TallyFiles;
import se.lotsbok.testing.SigningKeys;
import se.lotsbok.testing.TestDatabases;
import se.lotsbok.ui.combine.CombineViewModel;
import se.lotsbok.ui.common.Tasks;

/** The Sammanställning screen's state, without a window. */
class CombineViewModelTest {

    @TempDir
    Path temp;

    private final List<Throwable> failures = new ArrayList<>();
    private CombineViewModel viewModel;
    private TallyFiles files;

    @BeforeEach
    void viewModel() {
        viewModel = new CombineViewModel(Tasks.immediate(), Texts.swedish(), TestDatabases.CLOCK, failures::add);
        files = new TallyFiles(temp);
    }

    @Test
    void aFileAddedTwiceIsThereOnceAndTheExportIsNamedByThePeriod() {
        Path farsta = files.year("farsta.json", "Farsta", "2016", 16, 12);

        viewModel.addFiles(List.of(farsta));
        viewModel.addFiles(List.of(farsta, temp.resolve(".").resolve("farsta.json")));

        assertThat(viewModel.files()).hasSize(1);
        assertThat(viewModel.completeProperty().get()).isTrue();
        assertThat(viewModel.fileName(CompilationFormat.PDF)).isEqualTo("sammanstallning-2016.pdf");
        assertThat(failures).isEmpty();
    }

    @Test
    void aTrustListLeavesOutKeysNotInIt() throws Exception {
        SigningKey farstaKey = SigningKeys.newKey();
        Path farsta = files.write("farsta.json", "Farsta", TallyHeader.Kind.YEAR, TallyFiles.yearly("2016", 16, 12),
                farstaKey, ExportOptions.DEFAULTS);
        Path bromma = files.year("bromma.json", "Bromma", "2016", 3, 1);
        Path list = Files.writeString(temp.resolve("betrodda.txt"), farstaKey.fingerprint() + " # Farsta\n");
        viewModel.addFiles(List.of(farsta, bromma));
        assertThat(viewModel.completeProperty().get()).isTrue();

        viewModel.trust(list);

        assertThat(viewModel.trustStateProperty().get()).isEqualTo("1 betrodda nycklar från betrodda.txt");
        assertThat(viewModel.problemProperty().get()).startsWith("bromma.json: är signerad med en nyckel som inte finns");
        assertThat(viewModel.completeProperty().get()).isFalse();
        viewModel.trustAny();
        assertThat(viewModel.completeProperty().get()).isTrue();
    }

    @Test
    void smallCountsAreHiddenInTheTableWhenChosen() {
        viewModel.addFiles(List.of(files.year("a.json", "Farsta", "2016", 1, 5)));
        viewModel.suppressProperty().set(true);

        assertThat(viewModel.lines().getFirst().values()).containsExactly("<3", "5", "6");
        assertThat(viewModel.columns()).containsExactly("Inskrivna", "Berörda", "Totalt");
    }
}
