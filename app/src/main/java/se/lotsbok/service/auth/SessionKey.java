package se.lotsbok.service.auth;

import java.time.Instant;
import java.util.List;
import se.lotsbok.service.user.UserKeys;
import se.lotsbok.store.Database;
import se.lotsbok.store.common.StoreException;
import se.lotsbok.store.security.KeyWrap;
import se.lotsbok.store.security.Vault;

/** The database key of one open session, which changes when the register's key is changed. */
final class SessionKey implements UserKeys {

    private static final System.Logger LOG = System.getLogger(SessionKey.class.getName());

    private final Vault vault;
    private final Database database;
    private byte[] key;

    SessionKey(Vault vault, Database database, byte[] key) {
        this.vault = vault;
        this.database = database;
        this.key = key;
    }

    synchronized byte[] current() {
        return key;
    }

    @Override
    public synchronized void setPassword(String username, char[] password, Instant temporaryUntil) {
        vault.setPassword(key, username, password, temporaryUntil);
    }

    @Override
    public synchronized void remove(String username) {
        vault.removeUser(key, username);
    }

    @Override
    public synchronized List<byte[]> earlierKeys() {
        return vault.earlierKeys(key);
    }

    @Override
    public boolean checkPassword(String username, char[] password) {
        return vault.unlock(username, password) instanceof Vault.Unlocked unlocked && forgetting(unlocked);
    }

    private static boolean forgetting(Vault.Unlocked unlocked) {
        Vault.forget(unlocked.key());
        Vault.forget(unlocked.nextKey());
        return true;
    }

    /**
     * Changes the key: the new key is recorded for every user beside the old one, the file is
     * re-encrypted and swapped in, and then the new key becomes the only one. A crash anywhere in
     * between leaves a register that the next login opens and finishes ({@code AuthService}).
     */
    @Override
    public synchronized KeyChange changeKey() {
        byte[] next = KeyWrap.newDatabaseKey();
        vault.beginKeyChange(key, next);
        try {
            database.changeKey(next);
        } catch (StoreException.InUse e) {
            vault.keyChangeDue(key);
            Vault.forget(next);
            return new KeyChange(false, List.of());
        } catch (StoreException e) {
            vault.keyChangeDue(key);
            Vault.forget(next);
            throw e;
        }
        Vault.KeyChanged changed = vault.finishKeyChange(key, next);
        Vault.forget(key);
        key = next;
        return new KeyChange(true, changed.leftOut());
    }

    /** Makes a change that is due, if the register is this program's alone now. */
    synchronized void changeIfDue() {
        if (vault.keyChange().isPresent()) {
            try {
                changeKey();
            } catch (StoreException e) {
                // It stays due; the next login or logout tries again.
                LOG.log(System.Logger.Level.WARNING, "the register''s key could not be changed ({0})",
                        e.getClass().getSimpleName());
            }
        }
    }

    synchronized void forget() {
        Vault.forget(key);
    }
}
