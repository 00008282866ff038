package org.pando.app;

import java.io.PrintStream;
import java.time.Clock;
import org.pando.account.Account;
import org.pando.account.AccountNotFound;
import org.pando.account.AccountService;
import org.pando.account.PasswordHasher;
import org.pando.account.Role;
import org.pando.store.Database;
import org.pando.store.JdbiAccountRepository;

/**
 * {@code pando role USERNAME member|moderator|admin}: gives an account a role straight in the database, which is how
 * an operator makes the first admin or moderator; after that an admin can grant roles through the API. The embedded
 * database is held by a running server, so it is stopped first; PostgreSQL can be changed while it runs.
 */
final class RoleCommand {
    private RoleCommand() {
    }

    static int run(PandoConfig config, String username, String roleName, PrintStream out, PrintStream err) {
        Role role = Role.ofWireName(roleName).orElseThrow(() -> new ConfigurationError(
                "There is no role '" + roleName + "'; say member, moderator or admin."));
        try (Database database = Database.open(config.database())) {
            AccountService accounts = new AccountService(new JdbiAccountRepository(database.jdbi()),
                    new PasswordHasher(config.auth().argon2MemoryKib(), config.auth().argon2Iterations()), config.auth(),
                    Clock.systemUTC());
            Account account = accounts.assignRole(username, role);
            out.println(account.username() + " is now " + (role == Role.ADMIN ? "an " : "a ") + role.wireName() + ".");
            return 0;
        } catch (AccountNotFound e) {
            err.println("pando: " + e.getMessage());
            return 1;
        }
    }
}
