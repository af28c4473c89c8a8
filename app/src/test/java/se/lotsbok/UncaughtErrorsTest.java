package se.lotsbok;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UncaughtErrorsTest {

    @Test
    void anUncaughtErrorIsReportedByItsTypeAloneNeverItsMessage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread thread = new Thread(() -> {
            throw new IllegalStateException("Duplicate entry: Anna Andersson 20080314-2386",
                    new RuntimeException("Åsa Berg, Storgatan 1"));
        });
        thread.setUncaughtExceptionHandler(UncaughtErrors.typeOnly(new PrintStream(err, true, StandardCharsets.UTF_8)));
        thread.start();
        thread.join();

        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("lotsbok: unexpected error (java.lang.IllegalStateException)");
    }
}
