package se.lotsbok.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import se.lotsbok.testing.TestDatabases;
import java.util.Arrays;
import se.lotsbok.AppWiring;
import se.lotsbok.service.auth.AuthService;
import se.lotsbok.service.auth.LoginResult;
import se.lotsbok.store.security.KeyFile;
import se.lotsbok.store.security.KeyWrap;

/**
 * What a login costs with the product's PBKDF2 setting: the key derivation alone (the "password
 * hash", which must stay well under a second) and the whole login (derivation, opening the
 * encrypted database, writing the log rows).
 */
final class LoginBenchmark implements Benchmarks.Benchmark {

    private static final int ROUNDS = 7;
    private static final char[] PASSWORD = "ett långt lösenord".toCharArray();

    @Override
    public void run(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("lotsbok-login");
        AuthService auth = AppWiring.auth(folder, TestDatabases.CLOCK);
        ((AuthService.Created) auth.createFirstAdministrator("admin", "Admin", PASSWORD, PASSWORD)).session().close();
        KeyFile.UserEntry entry = KeyFile.load(folder).user("admin").orElseThrow();

        long[] derive = new long[ROUNDS];
        long[] login = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            KeyWrap.openSealed(KeyWrap.openPrivateKey(entry.keys(), PASSWORD).orElseThrow(), entry.sealedKey()).orElseThrow();
            derive[i] = System.nanoTime() - start;
            start = System.nanoTime();
            LoginResult result = auth.login("admin", PASSWORD);
            login[i] = System.nanoTime() - start;
            ((LoginResult.LoggedIn) result).session().close();
        }
        Arrays.sort(derive);
        Arrays.sort(login);
        System.out.printf("PBKDF2-HMAC-SHA256, %,d iterations, open the private key and the database key: median %.0f ms, worst %.0f ms%n",
                entry.iterations(), Benchmarks.percentileMillis(derive, 0.5), derive[ROUNDS - 1] / 1e6);
        System.out.printf("whole login (derive, open the encrypted database, log): median %.0f ms, worst %.0f ms%n",
                Benchmarks.percentileMillis(login, 0.5), login[ROUNDS - 1] / 1e6);
    }
}
