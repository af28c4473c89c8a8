package se.lotsbok.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactionPolicyTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aFileIsDueWhenItHasGrownToTwiceItsCompactedSizeAndPastTwiceTheFloor() {
        assertThat(CompactionPolicy.due(31 * MB, 0)).isFalse();
        assertThat(CompactionPolicy.due(33 * MB, 0)).isTrue();
        assertThat(CompactionPolicy.due(33 * MB, 10 * MB)).isTrue();
        assertThat(CompactionPolicy.due(199 * MB, 100 * MB)).isFalse();
        assertThat(CompactionPolicy.due(201 * MB, 100 * MB)).isTrue();
    }

    @Test
    void anImportOfMoreThanAFewHundredRowsIsFollowedByACompaction() {
        assertThat(CompactionPolicy.afterImport(300)).isFalse();
        assertThat(CompactionPolicy.afterImport(301)).isTrue();
    }
}
